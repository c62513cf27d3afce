package ir.nix.core.provider.isolation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import ir.nix.core.provider.CallDeadline;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceDescriptor;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One provider agency's isolation: its circuit breaker, its bulkhead, its retry of connection failures
 * and the deadline of every exchange with it. 003 Art. 48: a failing provider holds only its own share
 * of the bus, and callers learn at once that it is out rather than waiting for its timeout.
 */
final class ProviderGuard {

    /** Retry-After of a full bulkhead: calls in flight end within the deadline, usually much sooner. */
    private static final Duration BULKHEAD_RETRY_AFTER = Duration.ofSeconds(1);

    private final String provider;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;
    private final Duration backoff;
    private final Duration openDuration;
    private final ScheduledExecutorService timers;

    ProviderGuard(String provider, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry, Duration backoff,
                  Duration openDuration, ScheduledExecutorService timers) {
        this.provider = provider;
        this.breaker = breaker;
        this.bulkhead = bulkhead;
        this.retry = retry;
        this.backoff = backoff;
        this.openDuration = openDuration;
        this.timers = timers;
    }

    ProviderResult call(ServiceDescriptor service, ProviderCall call, Function<ProviderCall, ProviderResult> adapter) {
        if (!breaker.tryAcquirePermission()) {
            return new ProviderResult.NotCalled(ProviderResult.NotCalled.Reason.CIRCUIT_OPEN,
                    provider + " is failing: the bus stops calling it for a while (circuit open)", openDuration);
        }
        if (!bulkhead.tryAcquirePermission()) {
            breaker.releasePermission();
            return new ProviderResult.NotCalled(ProviderResult.NotCalled.Reason.BULKHEAD_FULL,
                    provider + " already has " + bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                            + " calls in flight, the most the bus makes to it at once", BULKHEAD_RETRY_AFTER);
        }
        long start = System.nanoTime();
        try {
            ProviderResult result = withinDeadline(service, call, adapter);
            settle(result, System.nanoTime() - start);
            return result;
        } catch (RuntimeException unexpected) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, unexpected);
            throw unexpected;
        } finally {
            bulkhead.onComplete();
        }
    }

    private ProviderResult withinDeadline(ServiceDescriptor service, ProviderCall call,
                                          Function<ProviderCall, ProviderResult> adapter) {
        try (CallDeadline deadline = CallDeadline.start(service.timeout(), timers)) {
            ProviderResult result = attempts(service, call, adapter, deadline);
            if (deadline.expired()) {
                return new ProviderResult.TimedOut(provider + " did not complete the exchange within its deadline of "
                        + service.timeout().toMillis() + " ms");
            }
            return result;
        }
    }

    /** Connection failures of idempotent inquiries are retried within the retry budget, never past the deadline. */
    private ProviderResult attempts(ServiceDescriptor service, ProviderCall call,
                                    Function<ProviderCall, ProviderResult> adapter, CallDeadline deadline) {
        Retry.Context<ProviderResult> attempts = retry.context();
        while (true) {
            ProviderResult result = adapter.apply(within(call, deadline));
            deadline.clearAborts();
            boolean retryable = service.idempotent() && !deadline.expired()
                    && deadline.remaining().compareTo(backoff.multipliedBy(2)) > 0;
            if (!retryable || !attempts.onResult(result)) {
                attempts.onComplete();
                return result;
            }
        }
    }

    private static ProviderCall within(ProviderCall call, CallDeadline deadline) {
        return new ProviderCall(call.trackingId(), call.consumer(), call.input(), deadline.remaining());
    }

    /** Errors, timeouts and unreachability count against the provider; definitive answers (found or not) for it. */
    private void settle(ProviderResult result, long nanos) {
        if (result instanceof ProviderResult.Failed || result instanceof ProviderResult.TimedOut
                || result instanceof ProviderResult.Unavailable) {
            breaker.onError(nanos, TimeUnit.NANOSECONDS, new ProviderFault(result.getClass().getSimpleName()));
        } else {
            breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
        }
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    int callsInFlight() {
        return bulkhead.getBulkheadConfig().getMaxConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
    }

    /** What the breaker records for a failed call: the kind of failure only, no stack, no content. */
    static final class ProviderFault extends RuntimeException {
        ProviderFault(String kind) {
            super(kind, null, false, false);
        }
    }
}
