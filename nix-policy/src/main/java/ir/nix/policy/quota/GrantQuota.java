package ir.nix.policy.quota;

import ir.nix.policy.bundle.Quota;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * The usage limits of one grant, enforced in this node's memory: the single-node (and H2 demo) counter.
 *
 * <p>Counters here are not shared between bus instances, so with N nodes behind a balancer a consumer
 * could reach N times the configured limits; a cluster uses {@link ClusterQuotaCounters}, which keeps
 * the count in PostgreSQL and falls back to this class only for grants configured to fail open.
 *
 * <p>Thread-safe and lock-free: each limit is one compare-and-set. Time is the request's own instant,
 * which makes decisions reproducible in tests.
 */
public final class GrantQuota implements QuotaCounter {

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

    @Override
    public Quota quota() {
        return quota;
    }

    /**
     * Counts the request against every limit.
     *
     * @return empty when the request may pass (the hot path allocates nothing), otherwise the limit
     *         that refused it; a refused request consumes nothing
     */
    @Override
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
