package ir.nix.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import ir.nix.policy.BundleIdentity;
import ir.nix.policy.active.ReloadOutcome;
import ir.nix.policy.bundle.BundleProblem;
import ir.nix.policy.bundle.BundleRejected;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class PolicyReloadMetricsTest {

    static final BundleIdentity ACTIVE = new BundleIdentity("2026.11", "0".repeat(64));

    @Test
    void countsRejectedReloadsPublishedAsEvents() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
            context.registerBean(PolicyReloadMetrics.class);
            context.refresh();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("nix.policy.reload.failures").counter().count()).isZero();

            context.publishEvent(new ReloadOutcome.Rejected(new BundleRejected("/etc/nix/policy",
                    List.of(new BundleProblem("grants.yaml", 3, 5, "unknown service"))), ACTIVE));
            context.publishEvent(new ReloadOutcome.Unchanged(ACTIVE));

            assertThat(registry.get("nix.policy.reload.failures").counter().count()).isEqualTo(1);
        }
    }
}
