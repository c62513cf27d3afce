package ir.nix.core.ingress.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * The broker listeners of one channel (inquiries, publications), started together once the node is ready
 * and stopped before the pipeline stops.
 */
public abstract class ListenerGroup implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerGroup.class);

    private final List<DefaultMessageListenerContainer> listeners = new ArrayList<>();
    private final String description;
    private volatile boolean running;

    /** @param description what the group listens to, for the start-up log line, e.g. "request addresses" */
    protected ListenerGroup(String description) {
        this.description = description;
    }

    protected void add(DefaultMessageListenerContainer listener) {
        listeners.add(listener);
    }

    /**
     * Ready means ready (issue 11): lifecycles start before Camel's route does, so the addresses are listened
     * to only once the node is ready; queued messages then meet a running pipeline and traffic path, never a
     * {@code NODE_NOT_READY}.
     */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @EventListener(ApplicationReadyEvent.class)
    void listenOnceReady() {
        if (!running) {
            start();
        }
    }

    @Override
    public void start() {
        for (DefaultMessageListenerContainer listener : listeners) {
            listener.afterPropertiesSet();
            listener.start();
        }
        running = true;
        LOG.info("{}: listening on {} {}", getClass().getSimpleName(), listeners.size(), description);
    }

    /**
     * Stops every listener at once: each one's consumers finish their current receive (up to the container's
     * one-second receive timeout) side by side, where destroying them one after another cost a second each
     * (17 listeners in the demo: 16 s from {@code SIGTERM} to exit). Runs on its own thread, so a listener that
     * cannot stop (its broker gone, a connection attempt that never returns) holds the shutdown up only for
     * Spring's {@code spring.lifecycle.timeout-per-shutdown-phase}, never for ever.
     */
    @Override
    public void stop(Runnable callback) {
        running = false;
        Thread stopper = new Thread(() -> {
            try {
                stopAll();
            } finally {
                callback.run();
            }
        }, "nix-stop-" + getClass().getSimpleName());
        stopper.setDaemon(true);
        stopper.start();
    }

    @Override
    public void stop() {
        running = false;
        stopAll();
    }

    private void stopAll() {
        CountDownLatch stopped = new CountDownLatch(listeners.size());
        listeners.forEach(listener -> listener.stop(stopped::countDown));
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        listeners.forEach(DefaultMessageListenerContainer::destroy);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
