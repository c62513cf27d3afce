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
 * @param providerShare the share of {@code maxInFlight} that the inquiries of any one provider may hold at once
 *                    (issue 11: a flood of callers of one failing provider, each refused at once by its bulkhead,
 *                    otherwise takes the permits the other providers' callers need); 1 switches the share off
 */
@ConfigurationProperties(prefix = "nix.admission")
public record AdmissionProperties(@DefaultValue("64") int maxInFlight, @DefaultValue("1s") Duration retryAfter,
                                  @DefaultValue("0.5") double providerShare) {

    public AdmissionProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("nix.admission.max-in-flight must be at least 1");
        }
        if (!(providerShare > 0 && providerShare <= 1)) {
            throw new IllegalArgumentException("nix.admission.provider-share must be above 0 and at most 1");
        }
    }

    /** Permits one provider's inquiries may hold at once: at least one. */
    public int perProvider() {
        return Math.max(1, (int) Math.ceil(maxInFlight * providerShare));
    }
}
