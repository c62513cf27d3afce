package ir.nix.core.readiness;

import ir.nix.core.traffic.TrafficPathAvailability;
import ir.nix.policy.PolicyDecisionPoint;
import org.apache.camel.CamelContext;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Ready means ready (issue 11): part of the {@code readiness} health group, {@code OUT_OF_SERVICE} until
 * Camel's routes run, the start-up warm-up has finished and the traffic path takes records; the policy
 * bundle and the provider clients are built before the context refreshes (a bus without a valid bundle does
 * not start). While the traffic path is down the node is not ready either, so a load balancer sends its
 * inquiries elsewhere. Details are states and the bundle version, never content.
 */
@Component("busReadiness")
record BusReadiness(CamelContext camel, StartupWarmUp warmUp, TrafficPathAvailability trafficPath,
                    PolicyDecisionPoint policy) implements HealthIndicator {

    @Override
    public Health health() {
        boolean routes = camel.isStarted();
        boolean warm = warmUp.done();
        boolean records = !trafficPath.isDown();
        Health.Builder health = routes && warm && records ? Health.up() : Health.outOfService();
        return health.withDetail("pipeline", routes ? "started" : "starting")
                .withDetail("warmUp", warm ? "done" : "running")
                .withDetail("trafficPath", records ? "up" : "down")
                .withDetail("policyBundle", policy.activeBundle().version())
                .build();
    }
}
