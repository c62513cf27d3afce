package ir.nix.core.identification;

import ir.nix.core.agency.AgencyCode;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production identification (003 Part 3 Art. 13, PKI): the TLS client certificate, already verified
 * against the trust store by the TLS layer, is mapped to an agency through the certificate registry.
 * Expired, not-yet-valid, revoked or unregistered certificates identify nobody (401).
 */
@Component
@ConditionalOnProperty(name = "nix.identification.mode", havingValue = "certificate", matchIfMissing = true)
class CertificateConsumerIdentifier implements ConsumerIdentifier {

    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private final IdentificationProperties properties;

    CertificateConsumerIdentifier(IdentificationProperties properties) {
        this.properties = properties;
    }

    @Override
    public Identification identify(HttpServletRequest request) {
        Object attribute = request.getAttribute(CERTIFICATES);
        if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
            return Identification.none();
        }
        X509Certificate leaf = chain[0];
        String fingerprint = fingerprint(leaf);
        if (!currentlyValid(leaf) || properties.revokedFingerprints().contains(fingerprint)) {
            return new Identification(Optional.empty(), Optional.of(fingerprint));
        }
        String subject = leaf.getSubjectX500Principal().getName();
        Optional<AgencyCode> agency = Optional.ofNullable(properties.certificates().get(subject))
                .filter(AgencyCode::isWellFormed)
                .map(AgencyCode::new);
        return new Identification(agency, Optional.of(fingerprint));
    }

    private static boolean currentlyValid(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException outsideValidity) {
            return false;
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException impossible) {
            throw new IllegalStateException("cannot fingerprint a client certificate", impossible);
        }
    }
}
