package ir.nix.monitoring.access;

import ir.nix.core.agency.AgencyCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Bearer tokens on the operator paths, behind Spring Security's resource-server filter: the metrics
 * scraper's static token ({@code nix.access.metrics-token}, role {@code METRICS}), and OIDC access
 * tokens (JWT) of operators, auditors and agency staff. A JWT's signature, issuer and expiry (and
 * audience, when configured) are checked by Spring Security's {@link NimbusJwtDecoder}; the role comes
 * from {@code nix.access.oidc.role-claim}, the agency of an {@code AGENCY} token from
 * {@code nix.access.oidc.agency-claim}. The decoder is built on first use, so the bus starts while the
 * identity provider is unreachable.
 */
final class BearerTokens implements AuthenticationProvider {

    private final AccessProperties.Oidc oidc;
    private final Optional<byte[]> metricsToken;
    private volatile JwtDecoder decoder;

    BearerTokens(AccessProperties access) {
        this.oidc = access.oidc();
        this.metricsToken = Optional.ofNullable(access.metricsToken()).filter(token -> !token.isBlank())
                .map(BearerTokens::digest);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (metricsToken.isPresent() && MessageDigest.isEqual(metricsToken.get(), digest(token))) {
            return new ViewerAuthentication(Viewer.of(Role.METRICS));
        }
        if (!oidc.enabled()) {
            throw new ViewerRefused("the bearer token is not accepted by this bus (no OIDC issuer configured, "
                    + "and it is not the metrics token)");
        }
        Jwt jwt;
        try {
            jwt = decoder().decode(token);
        } catch (JwtException rejected) {
            throw new ViewerRefused("the bearer token is invalid, expired or not issued for this bus");
        }
        return viewer(jwt).map(ViewerAuthentication::new)
                .orElseThrow(() -> new ViewerRefused("the bearer token carries no NIX role"));
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
                    NimbusJwtDecoder built = oidc.jwkSetUri() != null && !oidc.jwkSetUri().isBlank()
                            ? NimbusJwtDecoder.withJwkSetUri(oidc.jwkSetUri()).build()
                            : NimbusJwtDecoder.withIssuerLocation(oidc.issuerUri()).build();
                    built.setJwtValidator(validator());
                    decoder = built;
                }
                current = decoder;
            }
        }
        return current;
    }

    private org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> validator() {
        if (oidc.audience() == null || oidc.audience().isBlank()) {
            return JwtValidators.createDefaultWithIssuer(oidc.issuerUri());
        }
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(oidc.issuerUri()),
                new JwtClaimValidator<List<String>>("aud", audience -> audience != null && audience.contains(oidc.audience())));
    }

    /** Compared as digests, in constant time: the token's length and content leak nothing through timing. */
    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("the JDK has no SHA-256", impossible);
        }
    }
}
