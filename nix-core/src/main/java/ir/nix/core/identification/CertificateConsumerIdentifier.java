package ir.nix.core.identification;

import ir.nix.core.signing.Fingerprint;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Production identification (003 Part 3 Art. 13, PKI): the TLS client certificate, validated by
 * {@link ClientCertificates} (trusted CA, validity, CRL/OCSP), is mapped to an agency through the
 * certificate registry. Anything else identifies nobody and the pipeline answers 401 with the reason;
 * no header can name or change the agency.
 */
@Component
@ConditionalOnProperty(name = "nix.identification.mode", havingValue = "certificate", matchIfMissing = true)
class CertificateConsumerIdentifier implements ConsumerIdentifier {

    private final ClientCertificates certificates;

    CertificateConsumerIdentifier(ClientCertificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public Identification identify(HttpServletRequest request) {
        ClientCertificates.Verdict verdict = certificates.check(request);
        Optional<String> fingerprint = verdict.fingerprint().map(Fingerprint::hex);
        if (verdict.refusal().isPresent()) {
            return Identification.refused(fingerprint, verdict.refusal().get());
        }
        CertificateRegistry.Registered registered = verdict.registered().orElseThrow();
        if (registered.agency().isEmpty()) {
            return Identification.refused(fingerprint, Refusal.NOT_AN_AGENCY);
        }
        return new Identification(registered.agency(), fingerprint);
    }
}
