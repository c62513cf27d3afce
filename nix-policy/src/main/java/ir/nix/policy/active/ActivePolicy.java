package ir.nix.policy.active;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.PolicyDecisionPoint;
import ir.nix.policy.bundle.BundleLocation;
import ir.nix.policy.bundle.BundleRejected;
import ir.nix.policy.bundle.PolicyBundle;
import ir.nix.policy.bundle.PolicyBundleLoader;
import ir.nix.policy.bundle.Subscription;
import ir.nix.policy.calendar.Tehran;
import ir.nix.policy.grant.GrantDecider;
import ir.nix.policy.quota.QuotaCounters;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The policy decision point of a running bus: decides on the active bundle and swaps in a new one on
 * {@link #reload()}. Decisions read one volatile reference and never wait for a reload; a reload
 * that fails validation leaves the active bundle in force (a typo in a grant file must not cut every
 * agency off).
 */
public final class ActivePolicy implements PolicyDecisionPoint {

    private final PolicyBundleLoader loader;
    private final BundleLocation location;
    private volatile GrantDecider decider;

    private ActivePolicy(PolicyBundleLoader loader, BundleLocation location, GrantDecider decider) {
        this.loader = loader;
        this.location = location;
        this.decider = decider;
    }

    /**
     * Loads the bundle at {@code location}; throws {@link BundleRejected} when it is invalid, because a
     * bus must not start without a policy.
     */
    public static ActivePolicy load(PolicyBundleLoader loader, BundleLocation location) {
        return load(loader, location, QuotaCounters.LOCAL);
    }

    /** As {@link #load(PolicyBundleLoader, BundleLocation)}, counting quotas with {@code counters}. */
    public static ActivePolicy load(PolicyBundleLoader loader, BundleLocation location, QuotaCounters counters) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(counters, "counters");
        return new ActivePolicy(loader, location, GrantDecider.of(loader.load(location), counters));
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return decider.decide(request);
    }

    @Override
    public BundleIdentity activeBundle() {
        return decider.activeBundle();
    }

    /** The bundle decisions are made on, for the operators' view of the active grants. */
    public PolicyBundle bundle() {
        return decider.bundle();
    }

    /**
     * The subscriptions a publication of {@code provider}'s {@code feed} arriving at {@code at} is delivered
     * to: the policy's decision for publications, as {@link #decide} is for inquiries.
     */
    public List<Subscription> subscribers(String provider, String feed, Instant at) {
        return bundle().subscribersOn(provider, feed, LocalDate.ofInstant(at, Tehran.ZONE));
    }

    public BundleLocation location() {
        return location;
    }

    /**
     * Reads the bundle again and, if it is valid and differs, makes it active. Reloads are serialised;
     * decisions made meanwhile use the bundle active when they started.
     */
    public synchronized ReloadOutcome reload() {
        GrantDecider current = decider;
        PolicyBundle next;
        try {
            next = loader.load(location);
        } catch (BundleRejected rejected) {
            return new ReloadOutcome.Rejected(rejected, current.activeBundle());
        }
        if (next.identity().equals(current.activeBundle())) {
            return new ReloadOutcome.Unchanged(current.activeBundle());
        }
        decider = current.succeededBy(next);
        return new ReloadOutcome.Applied(current.activeBundle(), next.identity());
    }
}
