package ir.nix.policy.quota;

import ir.nix.policy.bundle.Quota;

import java.time.Instant;
import java.util.Optional;

/**
 * Counts one grant's use against its {@link Quota}: in this node's memory ({@link GrantQuota}) or shared
 * by every node of a cluster ({@link ClusterQuotaCounters}).
 */
public interface QuotaCounter {

    Quota quota();

    /**
     * Counts the request against every limit of the quota.
     *
     * @return empty when the request may pass, otherwise the limit that refused it; a refused request
     *         consumes nothing
     */
    Optional<GrantQuota.Exceeded> tryAcquire(Instant at);
}
