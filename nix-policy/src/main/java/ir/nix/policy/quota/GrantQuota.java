package ir.nix.policy.quota;

import ir.nix.policy.bundle.Quota;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The usage limits of one grant, enforced in this node's memory.
 *
 * <p><b>In a cluster each node enforces its own share:</b> counters are not shared between bus
 * instances (003 Art. 32 lets cluster hubs run the same code), so with N nodes behind a balancer a
 * consumer can reach up to N times the configured limits. Operators who need a cluster-wide ceiling
 * configure each node's share (limit / N) in that node's bundle. Keeping quotas local keeps the
 * decision free of network I/O (architecture §1: the policy decision never blocks).
 *
 * <p>Thread-safe and lock-free: each limit is one compare-and-set. Time is the request's own instant,
 * which makes decisions reproducible in tests.
 */
public final class GrantQuota {

    /** Which limit refused a request and when a retry may succeed. */
    public record Exceeded(String limit, Duration retryAfter) {
        public Exceeded {
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    private final Quota quota;
    private final RateLimit rate;
    private final DailyLimit daily;

    private GrantQuota(Quota quota, ZoneId zone) {
        this.quota = quota;
        this.rate = quota.perSecond().isPresent() ? new RateLimit(quota.perSecond().getAsInt()) : null;
        this.daily = quota.perDay().isPresent() ? new DailyLimit(quota.perDay().getAsLong(), zone) : null;
    }

    /** Counters for a grant's quota; empty for an unlimited grant, which needs none. */
    public static Optional<GrantQuota> of(Quota quota, ZoneId zone) {
        return quota.isUnlimited() ? Optional.empty() : Optional.of(new GrantQuota(quota, zone));
    }

    public Quota quota() {
        return quota;
    }

    /**
     * Counts the request against every limit.
     *
     * @return empty when the request may pass (the hot path allocates nothing), otherwise the limit
     *         that refused it; a refused request consumes nothing
     */
    public Optional<Exceeded> tryAcquire(Instant at) {
        long now = DailyLimit.epochNanos(at);
        if (rate != null) {
            long wait = rate.tryAcquire(now);
            if (wait > 0) {
                return Optional.of(new Exceeded(rate.perSecond() + " requests per second", Duration.ofNanos(wait)));
            }
        }
        if (daily != null) {
            long wait = daily.tryAcquire(now);
            if (wait > 0) {
                if (rate != null) {
                    rate.release();
                }
                return Optional.of(new Exceeded(daily.perDay() + " requests per day", Duration.ofNanos(wait)));
            }
        }
        return Optional.empty();
    }
}
