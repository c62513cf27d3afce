package ir.nix.core.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Admission control ({@code nix.admission.*}).
 *
 * @param maxInFlight inquiries a node mediates at once; beyond, {@code 503 BUS_SATURATED} at once. The
 *                    default comes from the demo's measured saturation (issue 11: ~122 req/s with 16
 *                    connections, p50 118 ms, 2 cores): by Little's law 64 inquiries in flight at that rate
 *                    already wait about half a second each, so more would only queue, not serve
 * @param retryAfter  the {@code Retry-After} a saturated node answers with
 */
@ConfigurationProperties(prefix = "nix.admission")
public record AdmissionProperties(@DefaultValue("64") int maxInFlight, @DefaultValue("1s") Duration retryAfter) {

    public AdmissionProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("nix.admission.max-in-flight must be at least 1");
        }
    }
}
