package ir.nix.monitoring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficSink;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Turns each traffic record into Prometheus metrics. Label values are agency codes, service codes,
 * outcome codes and channel names only — never anything from a payload (003 Art. 31.4).
 *
 * <ul>
 *   <li>{@code nix_inquiries_total{service,consumer,provider,outcome,channel}}</li>
 *   <li>{@code nix_inquiry_duration_seconds{service,provider,outcome,channel}} (histogram)</li>
 *   <li>{@code nix_provider_duration_seconds{service,provider}} (histogram)</li>
 *   <li>{@code nix_publication_delivered_items_total{subscriber,feed}} and
 *       {@code nix_publication_delivered_bytes_total{subscriber,feed}}: entries and bytes of the copies sent
 *       (records that carry an item count, i.e. deliveries)</li>
 * </ul>
 */
@Component
public class TrafficMetrics implements TrafficSink {

    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Map<CounterKey, Counter> counters = new ConcurrentHashMap<>();
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();
    private final Map<ProviderKey, Timer> providerTimers = new ConcurrentHashMap<>();
    private final Map<DeliveryKey, Delivered> delivered = new ConcurrentHashMap<>();

    public TrafficMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    private record CounterKey(String service, String consumer, String provider, String outcome, String channel) {
    }

    private record TimerKey(String service, String provider, String outcome, String channel) {
    }

    private record ProviderKey(String service, String provider) {
    }

    private record DeliveryKey(String feed, String subscriber) {
    }

    /** What a subscriber has been sent of a feed: entries and bytes. */
    private record Delivered(Counter items, Counter bytes) {
    }

    @Override
    public void accept(TrafficRecord record) {
        String service = label(record.service());
        String provider = label(record.provider());
        counters.computeIfAbsent(new CounterKey(service, label(record.consumer()), provider, record.outcome().name(), record.channel().name()),
                this::counter).increment();
        timers.computeIfAbsent(new TimerKey(service, provider, record.outcome().name(), record.channel().name()), this::timer)
                .record(record.totalMicros(), TimeUnit.MICROSECONDS);
        if (record.providerMicros() != null) {
            providerTimers.computeIfAbsent(new ProviderKey(service, provider), this::providerTimer)
                    .record(record.providerMicros(), TimeUnit.MICROSECONDS);
        }
        if (record.itemCount() != null) {
            Delivered copies = delivered.computeIfAbsent(new DeliveryKey(service, label(record.consumer())), this::delivered);
            copies.items().increment(record.itemCount());
            copies.bytes().increment(record.replyBytes());
        }
    }

    private Delivered delivered(DeliveryKey key) {
        return new Delivered(
                Counter.builder("nix.publication.delivered.items").description("Entries delivered to a subscriber")
                        .tags("feed", key.feed(), "subscriber", key.subscriber()).register(registry),
                Counter.builder("nix.publication.delivered.bytes").description("Bytes of the copies delivered to a subscriber")
                        .tags("feed", key.feed(), "subscriber", key.subscriber()).register(registry));
    }

    private static String label(Object code) {
        return code == null ? NONE : code.toString();
    }

    private Counter counter(CounterKey key) {
        return Counter.builder("nix.inquiries")
                .description("Exchanges handled by the bus, by service, consumer, provider, outcome and channel")
                .tags("service", key.service(), "consumer", key.consumer(), "provider", key.provider(),
                        "outcome", key.outcome(), "channel", key.channel())
                .register(registry);
    }

    private Timer timer(TimerKey key) {
        return Timer.builder("nix.inquiry.duration")
                .description("Time from arrival at the bus to the rendered reply")
                .tags("service", key.service(), "provider", key.provider(), "outcome", key.outcome(),
                        "channel", key.channel())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private Timer providerTimer(ProviderKey key) {
        return Timer.builder("nix.provider.duration")
                .description("Time waiting for the provider agency")
                .tags("service", key.service(), "provider", key.provider())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }
}
