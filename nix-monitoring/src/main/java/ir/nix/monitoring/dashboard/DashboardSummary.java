package ir.nix.monitoring.dashboard;

import ir.nix.monitoring.figures.ExchangeFigures;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the operator dashboard shows, as {@code GET /api/v1/dashboard/summary} returns it: this bus
 * node's traffic in the last {@code windowSeconds} (or since it started), scoped to the viewer.
 *
 * @param range          {@code window} or {@code start}: what the totals and tables count
 * @param scope          {@code ALL}, or the agency code an agency viewer is restricted to
 * @param throughput     exchanges per {@code binSeconds}, oldest first, always over the window
 * @param perSecond      exchanges per second over the last minute
 */
public record DashboardSummary(Instant generatedAt, String node, String range, int windowSeconds, String scope,
                               double perSecond, ExchangeFigures totals, int binSeconds, List<ThroughputBin> throughput,
                               List<Row> services, List<Row> consumers, List<Row> providers,
                               List<ProviderHealth> providerHealth, Map<String, Long> denialsByReason,
                               List<RecentDenial> recentDenials) {

    /** One bar of the throughput chart. */
    public record ThroughputBin(Instant start, long answered, long denied, long rejected, long failed) {
    }

    /** A service, consumer or provider with its figures; names are the bundle's agency names, if any. */
    public record Row(String code, String nameFa, String nameEn, ExchangeFigures figures) {
    }

    /**
     * How a provider agency is doing, from the exchanges that reached it in the window: {@code FAILING}
     * when at least half of at least three calls faulted, {@code DEGRADED} from one fault in twenty,
     * {@code IDLE} without calls; and the state of its circuit on this node.
     *
     * @param calls     exchanges that reached the provider (answered, rejected by it, or faulted)
     * @param faults    of those, provider errors, unavailability and timeouts
     * @param circuit   {@code CLOSED}, {@code OPEN} (the bus refuses calls at once) or {@code HALF_OPEN}
     *                  (probing); null before the node's first call to the provider
     */
    public record ProviderHealth(String provider, String nameFa, String nameEn, String state, long calls, long faults,
                                 Double faultRate, Instant lastFaultAt, String lastFault, Instant lastAnswerAt,
                                 Double p95Ms, String circuit) {
    }

    /** A recent policy denial: metadata only. */
    public record RecentDenial(Instant at, String trackingId, String consumer, String service, String provider,
                               String reason) {
    }
}
