package ir.nix.monitoring.access;

import ir.nix.core.agency.AgencyCode;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * OIDC access tokens (JWT) of operators, auditors and agency staff. The signature, issuer and expiry
 * are checked by Spring Security's {@link NimbusJwtDecoder}; the role comes from
 * {@code nix.access.oidc.role-claim}, the agency of an {@code AGENCY} token from
 * {@code nix.access.oidc.agency-claim}. The decoder is built on first use, so the bus starts while the
 * identity provider is unreachable.
 */
final class BearerTokens {

    private final AccessProperties.Oidc oidc;
    private volatile JwtDecoder decoder;

    BearerTokens(AccessProperties.Oidc oidc) {
        this.oidc = oidc;
    }

    ViewerResolver.Resolution resolve(String token) {
        if (!oidc.enabled()) {
            return ViewerResolver.Resolution.refused("bearer tokens are not accepted by this bus (no OIDC issuer configured)");
        }
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException rejected) {
            return ViewerResolver.Resolution.refused("the bearer token is invalid or expired");
        }
        if (oidc.audience() != null && !oidc.audience().isBlank()
                && (jwt.getAudience() == null || !jwt.getAudience().contains(oidc.audience()))) {
            return ViewerResolver.Resolution.refused("the bearer token is not issued for this bus");
        }
        return viewer(jwt).map(ViewerResolver.Resolution::of)
                .orElseGet(() -> ViewerResolver.Resolution.refused("the bearer token carries no NIX role"));
    }

    /** The strongest role the token names: a token with both OPERATOR and AGENCY acts as operator. */
    Optional<Viewer> viewer(Jwt jwt) {
        List<String> claimed = roles(jwt.getClaims().get(oidc.roleClaim()));
        for (Role role : Role.values()) {
            if (!claimed.contains(role.name())) {
                continue;
            }
            if (role != Role.AGENCY) {
                return Optional.of(Viewer.of(role));
            }
            String agency = jwt.getClaimAsString(oidc.agencyClaim());
            return AgencyCode.isWellFormed(agency) ? Optional.of(Viewer.agency(new AgencyCode(agency))) : Optional.empty();
        }
        return Optional.empty();
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof String single) {
            return List.of(single.split("[ ,]+"));
        }
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private JwtDecoder decoder() {
        JwtDecoder current = decoder;
        if (current == null) {
            synchronized (this) {
                if (decoder == null) {
                    decoder = oidc.jwkSetUri() != null && !oidc.jwkSetUri().isBlank()
                            ? withIssuerCheck(NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build())
                            : NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
                }
                current = decoder;
            }
        }
        return current;
    }

    private NimbusJwtDecoder withIssuerCheck(NimbusJwtDecoder jwkDecoder) {
        jwkDecoder.setJwtValidator(org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(oidc.issuerUri()));
        return jwkDecoder;
    }
}
