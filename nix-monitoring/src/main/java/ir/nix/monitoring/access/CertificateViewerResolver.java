package ir.nix.monitoring.access;

import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.identification.ClientCertificates;
import ir.nix.core.identification.Refusal;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Production identification of viewers by TLS client certificate (003 Part 3 Art. 13, PKI), checked
 * exactly as an inquiry caller's (trusted CA, validity, CRL/OCSP) and looked up in the same
 * certificate registry: an entry naming an agency makes an {@code AGENCY} viewer, one naming a role
 * ({@code OPERATOR}, {@code AUDITOR}, {@code METRICS}) makes that viewer. Bearer tokens are Spring
 * Security's resource-server path ({@link BearerTokens}).
 */
record CertificateViewerResolver(ClientCertificates certificates) implements ViewerResolver {

    static final String ASK = "present a registered client certificate or a bearer token";

    @Override
    public Resolution resolve(HttpServletRequest request) {
        ClientCertificates.Verdict verdict = certificates.check(request);
        if (verdict.refusal().isPresent()) {
            Refusal refusal = verdict.refusal().get();
            String problem = refusal.detail() + "; " + ASK;
            return refusal == Refusal.NO_CERTIFICATE ? Resolution.none(problem) : Resolution.refused(problem);
        }
        CertificateRegistry.Registered registered = verdict.registered().orElseThrow();
        return registered.agency().map(agency -> Resolution.of(Viewer.agency(agency)))
                .orElseGet(() -> Resolution.of(Viewer.of(Role.valueOf(registered.role().orElseThrow()))));
    }
}
