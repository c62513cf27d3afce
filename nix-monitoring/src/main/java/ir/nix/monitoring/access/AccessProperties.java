package ir.nix.monitoring.access;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How operators, auditors and the metrics scraper prove who they are besides a client certificate
 * ({@code nix.access.*}). Certificates, of agencies and of people alike, are named in the one certificate
 * registry ({@code nix.tls.certificate-registry}). In header identification mode (demo, tests) none of
 * this is used: {@code X-NIX-Role} says the role.
 *
 * @param oidc         bearer tokens from the organisation's OpenID Connect provider, when configured
 * @param metricsToken a static bearer token for the Prometheus scraper (role {@code METRICS}: the scrape and
 *                     nothing else), at least {@value #MIN_TOKEN_LENGTH} characters; unset, only certificates
 *                     and OIDC tokens identify the scraper
 */
@ConfigurationProperties(prefix = "nix.access")
public record AccessProperties(@DefaultValue Oidc oidc, String metricsToken) {

    static final int MIN_TOKEN_LENGTH = 32;

    public AccessProperties {
        if (metricsToken != null && !metricsToken.isBlank() && metricsToken.strip().length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("nix.access.metrics-token (NIX_METRICS_TOKEN) must be at least "
                    + MIN_TOKEN_LENGTH + " characters (e.g. openssl rand -hex 32)");
        }
        metricsToken = metricsToken == null || metricsToken.isBlank() ? null : metricsToken.strip();
    }

    /**
     * @param issuerUri   the provider's issuer; tokens are accepted only when this is set
     * @param jwkSetUri   its signing keys, when they are not at the issuer's discovery document
     * @param audience    when set, the token's {@code aud} must contain it
     * @param roleClaim   claim holding {@code OPERATOR}, {@code AUDITOR}, {@code METRICS} or {@code AGENCY} (a string or a list)
     * @param agencyClaim claim holding the agency code of an {@code AGENCY} token
     */
    public record Oidc(String issuerUri, String jwkSetUri, String audience,
                       @DefaultValue("nix_role") String roleClaim, @DefaultValue("nix_agency") String agencyClaim) {

        boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
