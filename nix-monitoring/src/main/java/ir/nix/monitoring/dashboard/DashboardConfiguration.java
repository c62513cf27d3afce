package ir.nix.monitoring.dashboard;

import ir.nix.core.node.NodeProperties;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.provider.isolation.ProviderIsolation;
import ir.nix.monitoring.figures.AgencyNames;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
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
    DashboardSummaries dashboardSummaries(LiveTrafficWindow window, AgencyNames names, ObjectProvider<ServiceCatalog> catalog,
                                          NodeProperties node, ProviderIsolation isolation) {
        return new DashboardSummaries(window, names,
                code -> Optional.ofNullable(catalog.getIfAvailable()).flatMap(services -> services.descriptor(code)), node.node(),
                isolation::circuitStates);
    }
}
