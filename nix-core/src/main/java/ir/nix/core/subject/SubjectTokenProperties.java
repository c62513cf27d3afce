package ir.nix.core.subject;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Data-subject tokens ({@code nix.subject-token.*}). Off unless configured.
 *
 * @param enabled whether records carry a subject token
 * @param keys    one secret per UTC calendar month, {@code "2026-11": <base64, at least 32 bytes>}. Destroying a
 *                month's key makes that month's tokens unlinkable for good.
 */
@ConfigurationProperties(prefix = "nix.subject-token")
public record SubjectTokenProperties(boolean enabled, Map<String, String> keys) {

    public SubjectTokenProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
    }
}
