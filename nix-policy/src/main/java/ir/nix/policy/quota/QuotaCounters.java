package ir.nix.policy.quota;

import ir.nix.policy.bundle.Grant;
import ir.nix.policy.calendar.Tehran;

import java.util.Optional;

/**
 * Makes the {@link QuotaCounter} of a grant when a bundle is compiled. The decision engine asks once
 * per grant and keeps the counter across reloads while the grant's id and quota stay the same.
 */
@FunctionalInterface
public interface QuotaCounters {

    /** Counters in this node's memory: each node of a cluster enforces the whole limit on its own. */
    QuotaCounters LOCAL = grant -> GrantQuota.of(grant.quota(), Tehran.ZONE).map(QuotaCounter.class::cast);

    /** @return the grant's counter; empty for an unlimited grant */
    Optional<QuotaCounter> counterFor(Grant grant);
}
