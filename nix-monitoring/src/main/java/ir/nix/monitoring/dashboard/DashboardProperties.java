package ir.nix.monitoring.dashboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live dashboard's window ({@code nix.dashboard.*}).
 *
 * @param window        how far back the live figures reach, in whole seconds (1-second buckets)
 * @param recentDenials how many recent denials the dashboard lists
 */
@ConfigurationProperties(prefix = "nix.dashboard")
public record DashboardProperties(@DefaultValue("5m") Duration window, @DefaultValue("20") int recentDenials) {
}
