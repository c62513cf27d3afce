package ir.nix.core.identification;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers are identified ({@code nix.identification.*}).
 *
 * @param mode                {@code certificate} (production, the default) or {@code header} (demo and tests only)
 * @param certificates        certificate registry: RFC 2253 subject DN of an agency's client certificate → agency code
 * @param revokedFingerprints SHA-256 fingerprints (lower-case hex) of revoked client certificates
 */
@ConfigurationProperties(prefix = "nix.identification")
public record IdentificationProperties(@DefaultValue("certificate") String mode, Map<String, String> certificates,
                                       Set<String> revokedFingerprints) {

    public IdentificationProperties {
        certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
        revokedFingerprints = revokedFingerprints == null ? Set.of() : Set.copyOf(revokedFingerprints);
    }
}
