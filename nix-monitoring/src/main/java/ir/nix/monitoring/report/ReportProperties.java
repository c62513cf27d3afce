package ir.nix.monitoring.report;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exchange reports and their rollup ({@code nix.reports.*}).
 *
 * @param maxDays       longest period one report may cover
 * @param rollupEvery   how often the aggregator looks for closed hours
 * @param rollupGrace   how long after an hour ends it counts as closed (records reach the store in
 *                      batches, and later while the store is down)
 * @param rollupRecheck when new hours close, the hours this far back are aggregated again, to take in
 *                      records that reached the store late
 */
@ConfigurationProperties(prefix = "nix.reports")
public record ReportProperties(@DefaultValue("1100") int maxDays, @DefaultValue("1m") Duration rollupEvery,
                               @DefaultValue("5m") Duration rollupGrace, @DefaultValue("6h") Duration rollupRecheck) {
}
