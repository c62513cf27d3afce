package ir.nix.policy.quota;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import ir.nix.policy.bundle.Quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One grant's share of a cluster-wide bucket. A request first takes a permit from the node's current
 * lease (one compare-and-set, no I/O); only when the lease is used up or has expired does one thread
 * go to the shared bucket for the next lease, while the others wait for it. Permits are taken from the
 * shared bucket before they are handed out, so the nodes together never pass more than the bucket
 * allows; what a node leased but did not use is given back when the lease expires.
 *
 * <p>While the shared bucket cannot be reached the grant's {@link WhenUnreachable} rule applies: refuse
 * (no fallback counter) or count in this node's memory (the fallback).
 */
final class LeasedQuota implements QuotaCounter {

    static final String RATE = "rate";
    static final String DAILY = "daily";
    private static final Duration RETRY_WHILE_UNREACHABLE = Duration.ofSeconds(1);

    /** Permits left in the current lease, usable until {@code expiresAt} (System.nanoTime). */
    private record Lease(AtomicLong left, long expiresAt) {
        static final Lease NONE = new Lease(new AtomicLong(), Long.MIN_VALUE);

        boolean take(long now) {
            if (now - expiresAt >= 0) {
                return false;
            }
            long n;
            do {
                n = left.get();
                if (n <= 0) {
                    return false;
                }
            } while (!left.compareAndSet(n, n - 1));
            return true;
        }
    }

    private final Quota quota;
    private final Bucket shared;
    private final long leaseSize;
    private final long leaseTtlNanos;
    private final long retryUnreachableNanos;
    private final Optional<GrantQuota> fallback;
    private final LongSupplier nanoClock;
    private final ReentrantLock renewal = new ReentrantLock();
    private volatile Lease lease = Lease.NONE;
    /** Until when (System.nanoTime) the shared bucket counts as unreachable; meaningful while {@code down}. */
    private volatile long unreachableUntil;
    private volatile boolean down;
    /** The last refusal by the shared bucket and until when (System.nanoTime) it stands without asking again. */
    private volatile Refusal refusal;

    /** A refusal remembered so that a consumer hammering a used-up grant costs no round trip per request. */
    private record Refusal(GrantQuota.Exceeded exceeded, long at, long until) {
        Optional<GrantQuota.Exceeded> at(long now) {
            Duration left = exceeded.retryAfter().minusNanos(now - at);
            return Optional.of(new GrantQuota.Exceeded(exceeded.limit(), left.isNegative() || left.isZero() ? Duration.ofNanos(1) : left));
        }
    }

    LeasedQuota(Quota quota, Bucket shared, long leaseSize, long leaseTtlNanos, long retryUnreachableNanos,
                Optional<GrantQuota> fallback, LongSupplier nanoClock) {
        this.quota = quota;
        this.shared = shared;
        this.leaseSize = leaseSize;
        this.leaseTtlNanos = leaseTtlNanos;
        this.retryUnreachableNanos = retryUnreachableNanos;
        this.fallback = fallback;
        this.nanoClock = nanoClock;
    }

    @Override
    public Quota quota() {
        return quota;
    }

    @Override
    public Optional<GrantQuota.Exceeded> tryAcquire(Instant at) {
        if (lease.take(nanoClock.getAsLong())) {
            return Optional.empty();
        }
        renewal.lock();
        try {
            long now = nanoClock.getAsLong();
            Lease current = lease;
            if (current.take(now)) {
                return Optional.empty();
            }
            if (down && now - unreachableUntil < 0) {
                return unreachable(at);
            }
            Refusal refused = refusal;
            if (refused != null && now - refused.until() < 0) {
                return refused.at(now);
            }
            return renew(current, now, at);
        } finally {
            renewal.unlock();
        }
    }

    private Optional<GrantQuota.Exceeded> renew(Lease expired, long now, Instant at) {
        try {
            long unused = expired.left().getAndSet(0);
            if (unused > 0) {
                shared.addTokens(unused);
            }
            long granted = shared.tryConsumeAsMuchAsPossible(leaseSize);
            down = false;
            if (granted == 0) {
                return refuse(now);
            }
            lease = new Lease(new AtomicLong(granted - 1), now + leaseTtlNanos);
            return Optional.empty();
        } catch (RuntimeException unreachable) {
            // Bucket4j wraps the store's SQLException; which one does not change what the grant asks for.
            unreachableUntil = now + retryUnreachableNanos;
            down = true;
            return unreachable(at);
        }
    }

    /**
     * Refuses, and keeps refusing without a round trip until the shared bucket can have a permit again -
     * or for one lease time at most, since permits other nodes give back may come sooner.
     */
    private Optional<GrantQuota.Exceeded> refuse(long now) {
        GrantQuota.Exceeded exceeded = exceeded();
        refusal = new Refusal(exceeded, now, now + Math.min(exceeded.retryAfter().toNanos(), leaseTtlNanos));
        return Optional.of(exceeded);
    }

    /** Which limit is used up, and when the shared bucket will have a permit again. */
    private GrantQuota.Exceeded exceeded() {
        VerboseResult<EstimationProbe> estimate = shared.asVerbose().estimateAbilityToConsume(1);
        Duration retryAfter = Duration.ofNanos(Math.max(1, estimate.getValue().getNanosToWaitForRefill()));
        long[] available = estimate.getDiagnostics().getAvailableTokensPerEachBandwidth();
        boolean dailyUsedUp = quota.perDay().isPresent() && available[available.length - 1] <= 0;
        return new GrantQuota.Exceeded(dailyUsedUp || quota.perSecond().isEmpty()
                ? quota.perDay().getAsLong() + " requests per day"
                : quota.perSecond().getAsInt() + " requests per second", retryAfter);
    }

    private Optional<GrantQuota.Exceeded> unreachable(Instant at) {
        if (fallback.isPresent()) {
            return fallback.get().tryAcquire(at);
        }
        return Optional.of(new GrantQuota.Exceeded(describe() + " (its cluster-wide counter is unreachable)",
                RETRY_WHILE_UNREACHABLE));
    }

    private String describe() {
        return quota.perSecond().isPresent()
                ? quota.perSecond().getAsInt() + " requests per second"
                : quota.perDay().getAsLong() + " requests per day";
    }
}
