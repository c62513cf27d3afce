package ir.nix.core.provider.isolation;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.service.ServiceDescriptor;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every provider call of the pipeline's {@code call-provider} step passes here: one {@link ProviderGuard}
 * per provider agency, configured from {@code nix.providers.<agency>.*}.
 *
 * <p>Resilience4j's core modules, used directly rather than through Camel's {@code circuitBreaker()} EIP:
 * a provider's outcome is a value ({@link ProviderResult}), not an exception the EIP could catch, and the
 * EIP's timeout runs the call on a thread pool (a hand-off per call on the hot path), whereas the deadline
 * here aborts the call on the caller's own thread. The breakers, bulkheads and retries are exported as
 * {@code resilience4j_*} metrics tagged with the provider's agency code.
 */
@Component
public class ProviderIsolation implements DisposableBean {

    /** Period of the timer's idle tick: shorter than a provider's budget (5 s by default); a shorter budget only wakes the timer. */
    private static final long HEAD_TICK_MILLIS = 100;

    private final ProviderEndpoints endpoints;
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final Map<AgencyCode, ProviderGuard> guards = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    public ProviderIsolation(ProviderEndpoints endpoints, ObjectProvider<MeterRegistry> meters) {
        this.endpoints = endpoints;
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = Executors.defaultThreadFactory().newThread(runnable);
            thread.setName("nix-provider-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every deadline is cancelled (the call ended in time): drop them at once, not when due.
        deadlines.setRemoveOnCancelPolicy(true);
        // A deadline that becomes the head of the timer's queue wakes the timer thread; with few calls in flight the
        // queue was empty most of the time, so nearly every provider call paid a futex wake and a context switch.
        // A tick every 100 ms keeps a head in the queue that a later deadline sorts behind.
        deadlines.scheduleAtFixedRate(() -> { }, HEAD_TICK_MILLIS, HEAD_TICK_MILLIS, TimeUnit.MILLISECONDS);
        this.timers = deadlines;
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(registry);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        });
    }

    /** Calls the service's provider through {@code adapter}, under its provider's breaker, bulkhead and deadline. */
    public ProviderResult call(ServiceDescriptor service, ProviderCall call, Function<ProviderCall, ProviderResult> adapter) {
        return guard(service.provider()).call(service, call, adapter);
    }

    /** Each provider's circuit state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...) by agency code. */
    public Map<String, String> circuitStates() {
        Map<String, String> states = new TreeMap<>();
        guards.forEach((agency, guard) -> states.put(agency.value(), guard.state().name()));
        return states;
    }

    private ProviderGuard guard(AgencyCode provider) {
        return guards.computeIfAbsent(provider, this::newGuard);
    }

    private ProviderGuard newGuard(AgencyCode provider) {
        ProvidersProperties.Endpoint settings = endpoints.settings(provider);
        ProvidersProperties.Breaker breaking = settings.breaker();
        String name = provider.value();
        CircuitBreaker breaker = breakers.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaking.window())
                .minimumNumberOfCalls(breaking.minimumCalls())
                .failureRateThreshold(breaking.failureRatePercent())
                .waitDurationInOpenState(breaking.openDuration())
                .permittedNumberOfCallsInHalfOpenState(breaking.halfOpenCalls())
                // Half-open without waiting for a caller: the state metric then shows recovery as it happens.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        Bulkhead bulkhead = bulkheads.bulkhead(name, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        Retry retry = retries.retry(name, RetryConfig.<ProviderResult>custom()
                .maxAttempts(settings.retry().maxAttempts())
                .waitDuration(settings.retry().backoff())
                // Only a call that never reached the provider is safe to repeat.
                .retryOnResult(result -> result instanceof ProviderResult.Unavailable)
                .build());
        return new ProviderGuard(name, breaker, bulkhead, retry, settings.retry().backoff(),
                breaking.openDuration(), timers);
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }
}
