package ir.nix.monitoring.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.policy.active.ReloadOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code nix_policy_reload_failures_total}: policy bundle changes rejected while the bus runs (the
 * previous bundle stays in force, so nothing else shows it). Counts every {@link ReloadOutcome.Rejected}
 * published as an application event by whoever reloads the bundle (the watcher, the admin endpoint).
 */
@Component
class PolicyReloadMetrics {

    private final Counter failures;

    PolicyReloadMetrics(MeterRegistry registry) {
        this.failures = Counter.builder("nix.policy.reload.failures")
                .description("Policy bundle reloads rejected; the previous bundle stayed in force")
                .register(registry);
    }

    @EventListener
    void on(ReloadOutcome.Rejected rejected) {
        failures.increment();
    }
}
