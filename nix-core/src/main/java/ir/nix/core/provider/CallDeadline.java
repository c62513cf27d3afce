package ir.nix.core.provider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deadline of one provider exchange, on the thread that makes it. A socket timeout bounds each
 * read, not the exchange: a provider dripping one byte a second would hold the call for ever. At the
 * deadline this aborts whatever the call registered ({@link #onExpiry}, e.g. Apache HttpClient's
 * {@code cancel()}, or closing the reply stream CXF reads, which the JDK 17 HTTP client does not let an
 * interrupt end) and interrupts the calling thread, for whatever else the call blocks in.
 *
 * <p>The call runs on the caller's own thread (no hand-off on the hot path); the deadline reaches the
 * HTTP clients through {@link #current()} so that adapters keep their simple signatures.
 */
public final class CallDeadline implements AutoCloseable {

    private static final ThreadLocal<CallDeadline> CURRENT = new ThreadLocal<>();
    private static final int RUNNING = 0;
    private static final int INTERRUPTING = 1;
    private static final int EXPIRED = 2;
    private static final int CLOSED = 3;

    private final Thread caller = Thread.currentThread();
    private final long endNanos;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final List<Runnable> aborts = new CopyOnWriteArrayList<>();
    private final ScheduledFuture<?> timer;
    private volatile boolean expired;

    private CallDeadline(Duration budget, ScheduledExecutorService timers) {
        this.endNanos = System.nanoTime() + budget.toNanos();
        this.timer = timers.schedule(this::expire, budget.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Starts the deadline on the calling thread; close it when the call has ended, on the same thread. */
    public static CallDeadline start(Duration budget, ScheduledExecutorService timers) {
        CallDeadline deadline = new CallDeadline(budget, timers);
        CURRENT.set(deadline);
        return deadline;
    }

    /** The deadline of the provider call the current thread is making, if any. */
    public static Optional<CallDeadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Time left, never negative. */
    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    public boolean expired() {
        return expired;
    }

    /** Runs {@code abort} at the deadline (at once if it has passed) until the call closes the deadline. */
    public void onExpiry(Runnable abort) {
        aborts.add(abort);
        if (expired) {
            abort.run();
        }
    }

    /** Forgets aborts registered for an attempt that has ended (a retry registers its own). */
    public void clearAborts() {
        aborts.clear();
    }

    private void expire() {
        if (state.compareAndSet(RUNNING, INTERRUPTING)) {
            expired = true;
            aborts.forEach(Runnable::run);
            caller.interrupt();
            state.set(EXPIRED);
        }
    }

    /** Ends the deadline; clears an interrupt it caused, so the caller's thread goes on unharmed. */
    @Override
    public void close() {
        CURRENT.remove();
        timer.cancel(false);
        while (true) {
            int seen = state.get();
            if (seen == INTERRUPTING) {
                Thread.onSpinWait();
            } else if (state.compareAndSet(seen, CLOSED)) {
                if (seen == EXPIRED) {
                    Thread.interrupted();
                }
                return;
            }
        }
    }
}
