package ir.nix.policy.quota;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Per-second rate as a generic cell rate algorithm (GCRA): the token bucket expressed as one
 * "theoretical arrival time", so a check is a single compare-and-set on one {@code long} - lock-free
 * and allocation-free. Bursts of up to one second's worth of requests pass; after that requests are
 * spaced at {@code 1 s / perSecond}.
 */
final class RateLimit {

    private static final long SECOND = 1_000_000_000L;

    private final int perSecond;
    private final long interval;
    private final long burstTolerance;
    private final AtomicLong theoreticalArrival = new AtomicLong(Long.MIN_VALUE);

    RateLimit(int perSecond) {
        this.perSecond = perSecond;
        this.interval = SECOND / perSecond;
        this.burstTolerance = SECOND - interval;
    }

    int perSecond() {
        return perSecond;
    }

    /** @return 0 when the request may pass, otherwise nanoseconds until it would */
    long tryAcquire(long nowNanos) {
        while (true) {
            long tat = theoreticalArrival.get();
            long next = Math.max(tat, nowNanos);
            long wait = next - burstTolerance - nowNanos;
            if (wait > 0) {
                return wait;
            }
            if (theoreticalArrival.compareAndSet(tat, next + interval)) {
                return 0;
            }
        }
    }

    /** Gives back one acquired slot, when a later limit refused the request after all. */
    void release() {
        theoreticalArrival.addAndGet(-interval);
    }
}
