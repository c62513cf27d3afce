package ir.nix.policy.grant;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.DenialReason;
import ir.nix.policy.PolicyDecisionPoint;
import ir.nix.policy.bundle.Grant;
import ir.nix.policy.bundle.PolicyBundle;
import ir.nix.policy.quota.GrantQuota;
import ir.nix.policy.quota.QuotaCounter;
import ir.nix.policy.quota.QuotaCounters;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides on one bundle: finds the grants of the consumer for the service, picks the one in force,
 * then checks re-delegation and quota. Everything is in memory and indexed by consumer and service;
 * a permit is a lookup, a loop over (usually one) grant and, for grants with quotas, a compare-and-set.
 *
 * <p>Order of checks: grant exists (for that provider) → grant in force → caller may act for the
 * party it names → quota. A refused request does not count against the quota.
 */
public final class GrantDecider implements PolicyDecisionPoint {

    private final PolicyBundle bundle;
    private final Map<String, Map<String, CompiledGrant[]>> byConsumerAndService;
    private final QuotaCounters counters;
    private final Map<String, QuotaCounter> quotasByGrant;

    private GrantDecider(PolicyBundle bundle, QuotaCounters counters, Map<String, QuotaCounter> previousQuotas) {
        this.bundle = bundle;
        this.counters = counters;
        this.quotasByGrant = new HashMap<>();
        Map<String, Map<String, List<CompiledGrant>>> index = new HashMap<>();
        for (Grant grant : bundle.grants()) {
            Optional<QuotaCounter> quota = quotaFor(grant, previousQuotas);
            quota.ifPresent(q -> quotasByGrant.put(grant.id(), q));
            index.computeIfAbsent(grant.consumer(), c -> new HashMap<>())
                    .computeIfAbsent(grant.service(), s -> new ArrayList<>())
                    .add(new CompiledGrant(grant, quota, bundle.identity()));
        }
        this.byConsumerAndService = new HashMap<>();
        index.forEach((consumer, services) -> {
            Map<String, CompiledGrant[]> compiled = new HashMap<>();
            services.forEach((service, grants) -> compiled.put(service, grants.toArray(CompiledGrant[]::new)));
            byConsumerAndService.put(consumer, compiled);
        });
    }

    /** A decider counting quotas in this node's memory. */
    public static GrantDecider of(PolicyBundle bundle) {
        return of(bundle, QuotaCounters.LOCAL);
    }

    /** A decider counting quotas with {@code counters} (in memory, or shared by a cluster). */
    public static GrantDecider of(PolicyBundle bundle, QuotaCounters counters) {
        return new GrantDecider(bundle, counters, Map.of());
    }

    /**
     * A decider for the next bundle that keeps the quota counters of grants whose id and quota did not
     * change, so that a reload does not hand every consumer a fresh daily allowance.
     */
    public GrantDecider succeededBy(PolicyBundle next) {
        return new GrantDecider(next, counters, quotasByGrant);
    }

    public PolicyBundle bundle() {
        return bundle;
    }

    @Override
    public BundleIdentity activeBundle() {
        return bundle.identity();
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Map<String, CompiledGrant[]> services = byConsumerAndService.get(request.consumer());
        CompiledGrant[] grants = services == null ? null : services.get(request.service());
        if (grants == null) {
            return noGrant(request);
        }
        long at = request.at().getEpochSecond();
        for (CompiledGrant grant : grants) {
            if (grant.inForceAt(at) && grant.grant.provider().equals(request.provider())) {
                return decideOn(grant, request);
            }
        }
        return whyNoneInForce(grants, request, at);
    }

    private Decision decideOn(CompiledGrant grant, DecisionRequest request) {
        if (!grant.mayActFor(request.consumer(), request.onBehalfOf())) {
            return grant.redelegation;
        }
        if (grant.quota.isPresent()) {
            Optional<GrantQuota.Exceeded> exceeded = grant.quota.get().tryAcquire(request.at());
            if (exceeded.isPresent()) {
                return grant.quotaExceeded(exceeded.get());
            }
        }
        return grant.permit;
    }

    /**
     * The most telling refusal among grants not in force: one revoked while it would have been in
     * force, else the next one to come into force, else the last one to expire, else a revoked one.
     */
    private Decision whyNoneInForce(CompiledGrant[] grants, DecisionRequest request, long at) {
        CompiledGrant revokedNow = null;
        CompiledGrant next = null;
        CompiledGrant lastExpired = null;
        CompiledGrant revokedOther = null;
        for (CompiledGrant grant : grants) {
            if (!grant.grant.provider().equals(request.provider())) {
                continue;
            }
            if (grant.grant.revoked() && grant.covers(at)) {
                revokedNow = grant;
            } else if (grant.grant.revoked()) {
                revokedOther = grant;
            } else if (grant.from > at && (next == null || grant.from < next.from)) {
                next = grant;
            } else if (grant.until <= at && (lastExpired == null || grant.until > lastExpired.until)) {
                lastExpired = grant;
            }
        }
        if (revokedNow != null) {
            return revokedNow.revoked;
        }
        if (next != null) {
            return next.notYetValid;
        }
        if (lastExpired != null) {
            return lastExpired.expired;
        }
        return revokedOther != null ? revokedOther.revoked : noGrant(request);
    }

    private Decision.Deny noGrant(DecisionRequest request) {
        return Decision.Deny.of(DenialReason.NO_GRANT, "no grant gives " + request.consumer() + " the service '"
                + request.service() + "' of " + request.provider(), bundle.identity());
    }

    private Optional<QuotaCounter> quotaFor(Grant grant, Map<String, QuotaCounter> previous) {
        QuotaCounter kept = previous.get(grant.id());
        if (kept != null && kept.quota().equals(grant.quota())) {
            return Optional.of(kept);
        }
        return counters.counterFor(grant);
    }
}
