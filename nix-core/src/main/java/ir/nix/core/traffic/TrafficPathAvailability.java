package ir.nix.core.traffic;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Whether traffic records can be made durable. 003 Art. 31 / rule 5: no reply without its record. While
 * the durable queue refuses records the node is not ready ({@code /actuator/health/readiness} DOWN), so a
 * load balancer sends its traffic elsewhere; a probe connects to the broker every second and the node is
 * ready again as soon as it answers (or a record goes through).
 *
 * <p>A record that cannot be made durable, the refusal's own included, is counted in
 * {@code nix_traffic_records_lost_total} (a count, never content) and logged with its tracking ID.
 */
@Component
public class TrafficPathAvailability implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficPathAvailability.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(1);

    private final ApplicationEventPublisher events;
    private final ConnectionFactory connections;
    private final AtomicBoolean down = new AtomicBoolean();
    /** The broker is gone for good (the embedded one stopped itself): down until the node is restarted. */
    private volatile boolean gone;
    private final Counter lost;
    private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nix-traffic-path-probe");
        thread.setDaemon(true);
        return thread;
    });

    public TrafficPathAvailability(ApplicationEventPublisher events, ConnectionFactory connections,
                                   ObjectProvider<MeterRegistry> meters) {
        this.events = events;
        this.connections = connections;
        MeterRegistry registry = meters.getIfAvailable();
        this.lost = registry == null ? null : Counter.builder("nix_traffic_records_lost")
                .description("traffic records that could not be made durable (the exchange was refused)")
                .register(registry);
    }

    /** A record could not be made durable: refuse traffic until the path is back. */
    public void failed() {
        if (down.compareAndSet(false, true)) {
            LOG.warn("traffic records cannot be made durable: the node refuses inquiries until the broker answers");
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
            probes.schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The broker is gone for good - the embedded broker stopped itself (a critical I/O error in its journal):
     * refuse traffic from now on and probe no more. Only a restart of the node brings the path back.
     */
    public void gone() {
        gone = true;
        if (down.compareAndSet(false, true)) {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }

    /** A record was made durable: the path works. */
    public void succeeded() {
        if (!gone && down.get() && down.compareAndSet(true, false)) {
            LOG.warn("traffic records are durable again: the node accepts inquiries");
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /**
     * Hands the record to the durable sinks, unless the path is known down (then nothing is tried: the
     * refusal is immediate and the probe finds the way back).
     *
     * @return whether every durable sink took it; a sink that throws marks the path down
     */
    public boolean handOver(List<TrafficSink> durableSinks, TrafficRecord record) {
        if (isDown()) {
            return false;
        }
        try {
            for (TrafficSink sink : durableSinks) {
                sink.accept(record);
            }
            succeeded();
            return true;
        } catch (RuntimeException refused) {
            failed();
            return false;
        }
    }

    public boolean isDown() {
        return down.get();
    }

    /** The record of {@code trackingId} (a refusal) could not be made durable either. */
    public void lost(String trackingId) {
        if (lost != null) {
            lost.increment();
        }
        LOG.warn("traffic record of {} could not be made durable", trackingId);
    }

    private void probe() {
        if (!down.get() || gone) {
            return;
        }
        try (Connection connection = connections.createConnection()) {
            connection.createSession(false, Session.AUTO_ACKNOWLEDGE).close();
            succeeded();
        } catch (Exception stillDown) {
            probes.schedule(this::probe, PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        probes.shutdownNow();
    }
}
