package ir.nix.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider agencies' endpoints and isolation ({@code nix.providers.<agency code in lower case>.*}) and the
 * shared connect timeout ({@code nix.provider-connect-timeout}).
 *
 * <p>Every isolation setting has a default, so a provider needs only its {@code base-url}; the defaults
 * are the constants below and are documented in the README's configuration table.
 */
@ConfigurationProperties(prefix = "nix")
public record ProvidersProperties(Map<String, Endpoint> providers,
                                  @DefaultValue("2s") Duration providerConnectTimeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Enough for a healthy provider at the demo's measured peak (~150 req/s at ~100 ms: ~15 in flight) four times over. */
    static final int DEFAULT_MAX_CONCURRENT_CALLS = 64;

    public ProvidersProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * @param baseUrl            where the provider's API is rooted
     * @param timeout            the deadline of the whole provider exchange (connect, send, every byte of the
     *                           reply, retries included); past it the bus answers 504
     * @param maxConcurrentCalls the provider's bulkhead: calls in flight to it at once; beyond, 503 at once
     * @param breaker            when the bus stops calling a failing provider
     * @param retry              how connection failures of idempotent inquiries are retried
     */
    public record Endpoint(URI baseUrl, @DefaultValue("5s") Duration timeout, Integer maxConcurrentCalls,
                           Breaker breaker, Retry retry) {

        /** The settings of a provider that configuration does not name (a simulated one, say). */
        static final Endpoint DEFAULTS = new Endpoint(null, null, null, null, null);

        public Endpoint {
            timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
            maxConcurrentCalls = maxConcurrentCalls == null ? DEFAULT_MAX_CONCURRENT_CALLS : maxConcurrentCalls;
            breaker = breaker == null ? Breaker.DEFAULTS : breaker;
            retry = retry == null ? Retry.DEFAULTS : retry;
            if (maxConcurrentCalls < 1) {
                throw new IllegalArgumentException("max-concurrent-calls must be at least 1");
            }
        }
    }

    /**
     * A count-based circuit breaker: over the last {@code window} calls (once at least {@code minimumCalls}
     * were made), a share of failures (errors, timeouts, unreachable) at or above {@code failureRatePercent}
     * opens it; open, the bus answers 503 at once for {@code openDuration}, then lets {@code halfOpenCalls}
     * probes through and closes when they succeed.
     */
    public record Breaker(Integer window, Integer minimumCalls, Integer failureRatePercent, Duration openDuration,
                          Integer halfOpenCalls) {

        static final Breaker DEFAULTS = new Breaker(null, null, null, null, null);

        public Breaker {
            window = window == null ? 20 : window;
            minimumCalls = minimumCalls == null ? 10 : minimumCalls;
            failureRatePercent = failureRatePercent == null ? 50 : failureRatePercent;
            openDuration = openDuration == null ? Duration.ofSeconds(10) : openDuration;
            halfOpenCalls = halfOpenCalls == null ? 3 : halfOpenCalls;
        }
    }

    /**
     * Retries of a call that could not connect, for idempotent inquiries only: at most {@code maxAttempts}
     * attempts in all, {@code backoff} apart, and never past the exchange's deadline.
     */
    public record Retry(Integer maxAttempts, Duration backoff) {

        static final Retry DEFAULTS = new Retry(null, null);

        public Retry {
            maxAttempts = maxAttempts == null ? 2 : maxAttempts;
            backoff = backoff == null ? Duration.ofMillis(100) : backoff;
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retry.max-attempts must be at least 1");
            }
        }
    }
}
