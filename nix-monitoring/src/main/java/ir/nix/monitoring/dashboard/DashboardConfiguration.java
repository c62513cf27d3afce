package ir.nix.monitoring.dashboard;

import ir.nix.core.provider.isolation.ProviderIsolation;
import ir.nix.monitoring.traffic.AgencyNames;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live window (a {@link ir.nix.core.traffic.TrafficSink}) and the summaries built from it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardConfiguration {

    @Bean
    LiveTrafficWindow liveTrafficWindow(DashboardProperties properties) {
        return new LiveTrafficWindow(Clock.systemUTC(), (int) properties.window().toSeconds(), properties.recentDenials());
    }

    @Bean
    DashboardSummaries dashboardSummaries(LiveTrafficWindow window, AgencyNames names, @Value("${nix.node:nix-1}") String node,
                                          ProviderIsolation isolation) {
        return new DashboardSummaries(window, names, node, isolation::circuitStates);
    }
}
