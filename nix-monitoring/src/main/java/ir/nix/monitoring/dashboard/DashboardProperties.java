package ir.nix.monitoring.dashboard;

import ir.nix.monitoring.access.Role;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live dashboard's window ({@code nix.dashboard.*}).
 *
 * @param window        how far back the live figures reach, in whole seconds (1-second buckets)
 * @param recentDenials how many recent denials the dashboard lists
 * @param demoRole      demo only: the role the page at {@code /} opens as when the address names none, so that a
 *                      newcomer sees live figures at once (a role switch on the page changes it). Honoured only
 *                      with header identification ({@code nix.identification.mode=header}); unset in prod.
 */
@ConfigurationProperties(prefix = "nix.dashboard")
public record DashboardProperties(@DefaultValue("5m") Duration window, @DefaultValue("20") int recentDenials,
                                  Role demoRole) {
}
