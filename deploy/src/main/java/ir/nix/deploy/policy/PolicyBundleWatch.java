package ir.nix.deploy.policy;

import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.active.BundleWatcher;
import ir.nix.policy.active.ReloadOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Watches a filesystem policy bundle while the application runs and reloads it on change. Does
 * nothing for a classpath bundle or with {@code nix.policy.watch=false}.
 */
public class PolicyBundleWatch implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyBundleWatch.class);

    private final ActivePolicy policy;
    private final PolicyProperties properties;
    private final ApplicationEventPublisher events;
    private BundleWatcher watcher;

    /** @param events where each reload's outcome is published (metrics count rejections) */
    public PolicyBundleWatch(ActivePolicy policy, PolicyProperties properties, ApplicationEventPublisher events) {
        this.policy = policy;
        this.properties = properties;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        if (!properties.watch() || policy.location().directory().isEmpty()) {
            return;
        }
        try {
            watcher = BundleWatcher.start(policy, properties.watchQuietPeriod(), outcome -> {
                log(outcome);
                events.publishEvent(outcome);
            });
            LOG.info("Watching policy bundle {} for changes", policy.location());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch policy bundle " + policy.location(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (watcher == null) {
            return;
        }
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.warn("Closing the policy bundle watcher failed", e);
        }
        watcher = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return watcher != null;
    }

    static void log(ReloadOutcome outcome) {
        if (outcome instanceof ReloadOutcome.Applied applied) {
            LOG.info("Policy bundle {} ({}) active, replacing {} ({})", applied.active().version(),
                    applied.active().sha256(), applied.previous().version(), applied.previous().sha256());
        } else if (outcome instanceof ReloadOutcome.Rejected rejected) {
            LOG.warn("Policy bundle change rejected, {} ({}) stays active: {}", rejected.active().version(),
                    rejected.active().sha256(), rejected.reason().getMessage());
        } else {
            LOG.debug("Policy bundle unchanged: {} ({})", outcome.active().version(), outcome.active().sha256());
        }
    }
}
