package ir.nix.monitoring.report;

import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.CertificatePem;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/signing/certificate}: the bus certificate in PEM, to verify signed reports with.
 * Public: a certificate is public by nature, and auditors should compare its {@code X-NIX-Certificate-SHA256}
 * with the fingerprint the operator published out of band rather than trust the download alone.
 */
@RestController
class BusCertificateController {

    static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");

    private final BusSigner signer;

    BusCertificateController(BusSigner signer) {
        this.signer = signer;
    }

    @GetMapping("/api/v1/signing/certificate")
    ResponseEntity<String> certificate() {
        return ResponseEntity.ok().contentType(PEM)
                .header(NixHeaders.CERTIFICATE_SHA256, CertificatePem.fingerprint(signer.certificate()))
                .body(CertificatePem.encode(signer.certificate()));
    }
}
