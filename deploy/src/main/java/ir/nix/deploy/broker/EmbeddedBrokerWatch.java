package ir.nix.deploy.broker;

import ir.nix.core.traffic.TrafficPathAvailability;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded broker (default and demo) stops itself for good on a critical I/O error in its journal (a
 * failed or full disk, its data directory removed), and nothing in the process starts it again. Without it no traffic
 * record can be made durable (rule 5), so the node then refuses every inquiry at once ({@code 503
 * TRAFFIC_PATH_UNAVAILABLE}, readiness DOWN) and reports itself broken ({@code /actuator/health/liveness}
 * DOWN), so that its supervisor restarts it on a working disk. The error is logged once, without the
 * broker's own message (it names files).
 *
 * <p>Heard two ways: the broker's critical-I/O listener, and its state, read every second, for any other way
 * it stops while the node runs. With an external broker (prod) there is nothing to watch here: a broker
 * that goes away is an outage the node rides out ({@link TrafficPathAvailability}).
 */
@Component
class EmbeddedBrokerWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerWatch.class);

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final TrafficPathAvailability trafficPath;
    private final ApplicationEventPublisher events;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean running;
    private ScheduledExecutorService checks;

    EmbeddedBrokerWatch(ObjectProvider<EmbeddedActiveMQ> broker, TrafficPathAvailability trafficPath,
                        ApplicationEventPublisher events) {
        this.broker = broker;
        this.trafficPath = trafficPath;
        this.events = events;
    }

    @Override
    public void start() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        ActiveMQServer server = embedded == null ? null : embedded.getActiveMQServer();
        running = true;
        if (server == null) {
            return;
        }
        server.registerIOCriticalErrorListener((cause, message, file) -> stopped("a critical I/O error in its journal"));
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "nix-embedded-broker-watch");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(() -> {
            if (running && server.getState() != ActiveMQServer.SERVER_STATE.STARTED) {
                stopped("its state " + server.getState());
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    private void stopped(String why) {
        if (running && stopped.compareAndSet(false, true)) {
            LOG.error("the embedded broker has stopped ({}): traffic records can no longer be made durable on this node, "
                    + "which refuses every inquiry and reports itself broken (liveness DOWN) until it is restarted", why);
            trafficPath.gone();
            AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops with the first lifecycle phase, long before the broker's own shutdown (a bean's destruction), so that is not taken for a failure. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
