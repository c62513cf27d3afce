package ir.nix.monitoring.access;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who operators and auditors are ({@code nix.access.*}). Agencies need no entry here: the certificate
 * registry of {@code nix.identification.certificates} already names them. In header identification
 * mode (demo, tests) none of this is used: {@code X-NIX-Role} says the role.
 *
 * @param certificates registry of operator and auditor client certificates: RFC 2253 subject DN →
 *                     {@code OPERATOR} or {@code AUDITOR}
 * @param oidc         bearer tokens from the organisation's OpenID Connect provider, when configured
 */
@ConfigurationProperties(prefix = "nix.access")
public record AccessProperties(Map<String, Role> certificates, @DefaultValue Oidc oidc) {

    public AccessProperties {
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
    }

    /**
     * @param issuerUri   the provider's issuer; tokens are accepted only when this is set
     * @param jwkSetUri   its signing keys, when they are not at the issuer's discovery document
     * @param audience    when set, the token's {@code aud} must contain it
     * @param roleClaim   claim holding {@code OPERATOR}, {@code AUDITOR} or {@code AGENCY} (a string or a list)
     * @param agencyClaim claim holding the agency code of an {@code AGENCY} token
     */
    public record Oidc(String issuerUri, String jwkSetUri, String audience,
                       @DefaultValue("nix_role") String roleClaim, @DefaultValue("nix_agency") String agencyClaim) {

        boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }
    }
}
