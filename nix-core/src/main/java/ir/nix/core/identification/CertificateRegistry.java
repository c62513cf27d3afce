package ir.nix.core.identification;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.signing.Fingerprint;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The certificate registry (003 Part 3 Art. 13): which client certificate identifies which agency, or
 * carries which operator-access role. Read from a YAML file ({@code nix.tls.certificate-registry}) that
 * the PKI tool keeps current; every entry is checked when the file is read, and a malformed one
 * rejects the whole file naming the entry, so that a typo never silently drops an agency.
 */
public final class CertificateRegistry {

    /** The roles a registry entry may carry for operator access; agencies are named by {@code agency}. */
    public static final Set<String> ROLES = Set.of("OPERATOR", "AUDITOR", "METRICS");

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file's shape: {@code certificates:} followed by a list of entries. */
    public record Document(List<RegistryEntry> certificates) {
        public Document {
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /** Whom a registered certificate identifies: an agency or an operator-access role. */
    public record Registered(String name, Optional<AgencyCode> agency, Optional<String> role) {
    }

    private record IssuerSerial(X500Principal issuer, BigInteger serial) {
    }

    public static final CertificateRegistry EMPTY = new CertificateRegistry(List.of(), Map.of(), Map.of());

    private final List<RegistryEntry> entries;
    private final Map<Fingerprint, Registered> byFingerprint;
    private final Map<IssuerSerial, Registered> byIssuerSerial;

    private CertificateRegistry(List<RegistryEntry> entries, Map<Fingerprint, Registered> byFingerprint,
                                Map<IssuerSerial, Registered> byIssuerSerial) {
        this.entries = entries;
        this.byFingerprint = byFingerprint;
        this.byIssuerSerial = byIssuerSerial;
    }

    /** Reads and checks the registry file. @throws RegistryRejected naming the file and the first bad entry */
    public static CertificateRegistry read(Path file) {
        Document document;
        try {
            document = YAML.readValue(Files.readString(file, StandardCharsets.UTF_8), Document.class);
        } catch (IOException unreadable) {
            throw new RegistryRejected("certificate registry " + file + " cannot be read: " + unreadable.getMessage(), unreadable);
        } catch (JacksonException malformed) {
            throw new RegistryRejected("certificate registry " + file + " is not valid YAML of the registry's shape: "
                    + malformed.getOriginalMessage(), malformed);
        }
        return of(document == null ? List.of() : document.certificates(), file.toString());
    }

    /** Checks entries and indexes them. @param source names the entries' origin in error messages */
    public static CertificateRegistry of(List<RegistryEntry> entries, String source) {
        Map<Fingerprint, Registered> byFingerprint = new HashMap<>();
        Map<IssuerSerial, Registered> byIssuerSerial = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            RegistryEntry entry = entries.get(i);
            String where = "certificate registry " + source + ", entry " + (i + 1)
                    + (entry != null && entry.name() != null ? " (" + entry.name() + ")" : "");
            if (entry == null) {
                throw new RegistryRejected(where + ": empty entry");
            }
            Registered registered = whom(entry, where);
            if (entry.fingerprint() != null) {
                Fingerprint fingerprint = Fingerprint.parse(entry.fingerprint()).orElseThrow(() -> new RegistryRejected(
                        where + ": fingerprint is not a SHA-256 fingerprint (64 hex digits, colons allowed)"));
                requireUnique(byFingerprint.put(fingerprint, registered), where);
            } else if (entry.issuer() != null && entry.serial() != null) {
                requireUnique(byIssuerSerial.put(new IssuerSerial(issuer(entry.issuer(), where), serial(entry.serial(), where)),
                        registered), where);
            } else {
                throw new RegistryRejected(where + ": name the certificate by issuer and serial, or by fingerprint");
            }
        }
        return new CertificateRegistry(List.copyOf(entries), Map.copyOf(byFingerprint), Map.copyOf(byIssuerSerial));
    }

    /** Writes entries as a registry file (atomically: the bus may be reading it). */
    public static void write(Path file, List<RegistryEntry> entries, String header) throws IOException {
        of(entries, file.toString());
        String body = YAML.writeValueAsString(new Document(entries));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, header + body, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public List<RegistryEntry> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** Whom {@code certificate} identifies, if it is registered (by fingerprint first, then issuer and serial). */
    public Optional<Registered> find(X509Certificate certificate) {
        Registered found = byFingerprint.get(Fingerprint.of(certificate));
        if (found == null) {
            found = byIssuerSerial.get(new IssuerSerial(certificate.getIssuerX500Principal(), certificate.getSerialNumber()));
        }
        return Optional.ofNullable(found);
    }

    private static Registered whom(RegistryEntry entry, String where) {
        if ((entry.agency() == null) == (entry.role() == null)) {
            throw new RegistryRejected(where + ": give exactly one of agency or role");
        }
        if (entry.agency() != null) {
            if (!AgencyCode.isWellFormed(entry.agency())) {
                throw new RegistryRejected(where + ": agency is not an agency code (upper-case letters and digits)");
            }
            return new Registered(entry.name(), Optional.of(new AgencyCode(entry.agency())), Optional.empty());
        }
        if (!ROLES.contains(entry.role())) {
            throw new RegistryRejected(where + ": role must be one of " + ROLES.stream().sorted().toList());
        }
        return new Registered(entry.name(), Optional.empty(), Optional.of(entry.role()));
    }

    private static X500Principal issuer(String dn, String where) {
        try {
            return new X500Principal(dn);
        } catch (IllegalArgumentException malformed) {
            throw new RegistryRejected(where + ": issuer is not a distinguished name (RFC 2253)");
        }
    }

    private static BigInteger serial(String text, String where) {
        String digits = text.strip().replace(":", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new RegistryRejected(where + ": serial is not a hex number");
        }
        return new BigInteger(digits, 16);
    }

    private static void requireUnique(Registered previous, String where) {
        if (previous != null) {
            throw new RegistryRejected(where + ": the same certificate is registered twice");
        }
    }

    /** Serial number in the notation of {@code openssl x509 -serial}: upper-case hex, even length. */
    public static String serialHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(java.util.Locale.ROOT);
        return hex.length() % 2 == 0 ? hex : "0" + hex;
    }

}
