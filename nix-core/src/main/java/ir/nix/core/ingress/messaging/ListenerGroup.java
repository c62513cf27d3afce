package ir.nix.core.ingress.messaging;

import java.util.ArrayList;
import java.util.List;
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

    @Override
    public void stop() {
        listeners.forEach(DefaultMessageListenerContainer::destroy);
        running = false;
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
