package ir.nix.monitoring.access;

import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.identification.IdentificationProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * Production identification of viewers (003 Part 3 Art. 13, PKI): an OIDC bearer token when the
 * request carries one, otherwise the TLS client certificate. A certificate the identification registry
 * maps to an agency makes an {@code AGENCY} viewer (an agency's own systems and staff use the agency's
 * certificate); one listed in {@code nix.access.certificates} makes an operator or auditor.
 */
final class CredentialViewerResolver implements ViewerResolver {

    private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";
    private static final String BEARER = "Bearer ";

    private final ConsumerIdentifier agencies;
    private final IdentificationProperties identification;
    private final AccessProperties access;
    private final BearerTokens tokens;

    CredentialViewerResolver(ConsumerIdentifier agencies, IdentificationProperties identification, AccessProperties access,
                             BearerTokens tokens) {
        this.agencies = agencies;
        this.identification = identification;
        this.access = access;
        this.tokens = tokens;
    }

    @Override
    public Resolution resolve(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return tokens.resolve(authorization.substring(BEARER.length()).trim());
        }
        return fromCertificate(request);
    }

    private Resolution fromCertificate(HttpServletRequest request) {
        if (!(request.getAttribute(CERTIFICATES) instanceof X509Certificate[] chain) || chain.length == 0) {
            return Resolution.refused("present a registered client certificate or an OIDC bearer token");
        }
        ConsumerIdentifier.Identification identified = agencies.identify(request);
        if (identified.consumer().isPresent()) {
            return Resolution.of(Viewer.agency(identified.consumer().get()));
        }
        X509Certificate leaf = chain[0];
        Optional<Role> role = Optional.ofNullable(access.certificates().get(leaf.getSubjectX500Principal().getName()));
        boolean revoked = identified.certificate().filter(identification.revokedFingerprints()::contains).isPresent();
        if (role.isEmpty() || revoked || !currentlyValid(leaf)) {
            return Resolution.refused("the client certificate is not registered for monitoring access, expired or revoked");
        }
        return Resolution.of(Viewer.of(role.get()));
    }

    private static boolean currentlyValid(X509Certificate certificate) {
        try {
            certificate.checkValidity();
            return true;
        } catch (CertificateException outsideValidity) {
            return false;
        }
    }
}
