package ir.nix.core.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SHA-256 fingerprint of a certificate's DER encoding, held as 64 lower-case hex digits. Parses every
 * usual notation, so that an operator may paste what {@code openssl x509 -fingerprint -sha256} prints
 * ({@code BA:73:…}) as well as plain hex: the same certificate is the same fingerprint however written.
 */
public record Fingerprint(String hex) {

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public Fingerprint {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits");
        }
    }

    /** @return the fingerprint in any notation (upper/lower case, with or without {@code :} or spaces), if well formed */
    public static Optional<Fingerprint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = text.strip().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (digits.startsWith("sha256")) {
            digits = digits.substring("sha256".length()).replaceFirst("^(fingerprint)?=", "");
        }
        return HEX.matcher(digits).matches() ? Optional.of(new Fingerprint(digits)) : Optional.empty();
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException impossible) {
            throw new IllegalStateException("cannot fingerprint a certificate", impossible);
        }
    }

    /** The notation {@code openssl} prints: upper case, colon-separated. */
    public String colons() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return hex;
    }
}
