package ir.nix.policy.quota;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the nodes of a cluster share quota counters.
 *
 * @param leaseFraction          share of a grant's per-second limit (or of a thousandth of its daily limit,
 *                               for a grant without a rate) a node takes from the shared counter in one
 *                               round trip, at least one permit; the node then decides locally until the
 *                               lease is used up
 * @param leaseTtl               how long a lease may be used; unused permits are given back after it
 * @param retryUnreachableAfter  after a failed round trip, how long the node applies the unreachable rule
 *                               without trying the shared counter again (keeps the hot path from waiting
 *                               on a dead store with every request)
 * @param whenUnreachable        the rule for grants not named in {@code perGrant}
 * @param perGrant               the rule for named grants (by grant id)
 */
public record ClusterQuotaSettings(double leaseFraction, Duration leaseTtl, Duration retryUnreachableAfter,
                                   WhenUnreachable whenUnreachable, Map<String, WhenUnreachable> perGrant) {

    public static final ClusterQuotaSettings DEFAULTS = new ClusterQuotaSettings(0.1, Duration.ofSeconds(1),
            Duration.ofSeconds(5), WhenUnreachable.CLOSED, Map.of());

    public ClusterQuotaSettings {
        if (!(leaseFraction > 0 && leaseFraction <= 1)) {
            throw new IllegalArgumentException("the quota lease fraction must be in (0, 1], not " + leaseFraction);
        }
        Objects.requireNonNull(leaseTtl, "leaseTtl");
        Objects.requireNonNull(retryUnreachableAfter, "retryUnreachableAfter");
        Objects.requireNonNull(whenUnreachable, "whenUnreachable");
        perGrant = Map.copyOf(perGrant);
    }

    WhenUnreachable whenUnreachable(String grantId) {
        return perGrant.getOrDefault(grantId, whenUnreachable);
    }
}
