package ir.nix.monitoring.access;

import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.identification.ClientCertificates;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Production identification of viewers (003 Part 3 Art. 13, PKI): an OIDC bearer token when the
 * request carries one, otherwise the TLS client certificate, checked exactly as an inquiry caller's
 * (trusted CA, validity, CRL/OCSP) and looked up in the same certificate registry: an entry naming an
 * agency makes an {@code AGENCY} viewer, one naming a role ({@code OPERATOR}, {@code AUDITOR},
 * {@code METRICS}) makes that viewer.
 */
record CredentialViewerResolver(ClientCertificates certificates, BearerTokens tokens) implements ViewerResolver {

    private static final String BEARER = "Bearer ";

    @Override
    public Resolution resolve(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return tokens.resolve(authorization.substring(BEARER.length()).trim());
        }
        return fromCertificate(request);
    }

    private Resolution fromCertificate(HttpServletRequest request) {
        ClientCertificates.Verdict verdict = certificates.check(request);
        if (verdict.refusal().isPresent()) {
            return Resolution.refused(verdict.refusal().get().detail() + "; present a registered client certificate or "
                    + "an OIDC bearer token");
        }
        CertificateRegistry.Registered registered = verdict.registered().orElseThrow();
        return registered.agency().map(agency -> Resolution.of(Viewer.agency(agency)))
                .orElseGet(() -> Resolution.of(Viewer.of(Role.valueOf(registered.role().orElseThrow()))));
    }
}
