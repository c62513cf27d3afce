package ir.nix.monitoring.dashboard;

import ir.nix.core.service.ServiceDescriptor;
import ir.nix.monitoring.access.Viewer;
import ir.nix.monitoring.figures.AgencyNames;
import ir.nix.monitoring.figures.ExchangeFigures;
import ir.nix.monitoring.figures.LatencyHistogram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Builds the dashboard summary for one viewer from the live window: nothing is read from the store. */
final class DashboardSummaries {

    static final int BIN_SECONDS = 5;
    private static final int RATE_SECONDS = 60;
    private static final String UNKNOWN = "-";

    private final LiveTrafficWindow window;
    private final AgencyNames names;
    private final Function<String, Optional<ServiceDescriptor>> services;
    private final String node;
    private final Supplier<Map<String, String>> circuits;

    /**
     * @param services the descriptor of a service code, for its Persian and English titles
     * @param circuits each provider's circuit state by agency code (the bus's own view, not the window's)
     */
    DashboardSummaries(LiveTrafficWindow window, AgencyNames names, Function<String, Optional<ServiceDescriptor>> services,
                       String node, Supplier<Map<String, String>> circuits) {
        this.window = window;
        this.names = names;
        this.services = services;
        this.node = node;
        this.circuits = circuits;
    }

    /** @param sinceStart whether the totals and tables count since node start instead of over the window */
    DashboardSummary summary(Viewer viewer, boolean sinceStart) {
        Predicate<FlowKey> visible = key -> viewer.sees(key.consumer(), key.provider());
        Map<FlowKey, LiveTrafficWindow.Tallied> windowFlows = window.window(window.seconds(), visible);
        Map<FlowKey, LiveTrafficWindow.Tallied> flows = sinceStart ? window.sinceStart(visible) : windowFlows;
        long lastMinute = window.window(RATE_SECONDS, visible).values().stream().mapToLong(LiveTrafficWindow.Tallied::count).sum();
        return new DashboardSummary(window.now(), node, sinceStart ? "start" : "window", window.seconds(), viewer.scope(),
                (double) lastMinute / RATE_SECONDS, figures(flows, key -> true), BIN_SECONDS,
                window.throughput(BIN_SECONDS, visible), rows(flows, FlowKey::service, false),
                rows(flows, FlowKey::consumer, true), rows(flows, FlowKey::provider, true),
                providerHealth(windowFlows, viewer), denialsByReason(flows),
                window.recentDenials(denial -> viewer.sees(denial.consumer(), denial.provider())));
    }

    private static ExchangeFigures figures(Map<FlowKey, LiveTrafficWindow.Tallied> flows, Predicate<FlowKey> which) {
        ExchangeFigures.Builder figures = new ExchangeFigures.Builder();
        flows.forEach((key, tallied) -> {
            if (which.test(key)) {
                figures.add(key.outcome().name(), tallied.count(), tallied.latency());
            }
        });
        return figures.build();
    }

    private List<DashboardSummary.Row> rows(Map<FlowKey, LiveTrafficWindow.Tallied> flows, Function<FlowKey, String> dimension,
                                            boolean agencies) {
        Map<String, ExchangeFigures.Builder> grouped = new TreeMap<>();
        flows.forEach((key, tallied) -> grouped
                .computeIfAbsent(Objects.requireNonNullElse(dimension.apply(key), UNKNOWN), code -> new ExchangeFigures.Builder())
                .add(key.outcome().name(), tallied.count(), tallied.latency()));
        List<DashboardSummary.Row> rows = new ArrayList<>();
        grouped.forEach((code, figures) -> rows.add(agencies
                ? new DashboardSummary.Row(code, names.persian(code).orElse(null), names.english(code).orElse(null), figures.build())
                : new DashboardSummary.Row(code, services.apply(code).map(ServiceDescriptor::titleFa).orElse(null),
                        services.apply(code).map(ServiceDescriptor::titleEn).orElse(null), figures.build())));
        rows.sort(Comparator.comparingLong((DashboardSummary.Row row) -> row.figures().exchanges()).reversed());
        return rows;
    }

    private List<DashboardSummary.ProviderHealth> providerHealth(Map<FlowKey, LiveTrafficWindow.Tallied> flows, Viewer viewer) {
        Map<String, LiveTrafficWindow.Marks> marks = window.providerMarks(parties -> viewer.sees(parties.consumer(), parties.provider()));
        Map<String, long[]> callsAndFaults = new TreeMap<>();
        Map<String, LatencyHistogram> latency = new TreeMap<>();
        flows.forEach((key, tallied) -> {
            if (key.provider() == null || !key.outcome().reachedProvider()) {
                return;
            }
            long[] counts = callsAndFaults.computeIfAbsent(key.provider(), p -> new long[2]);
            counts[0] += tallied.count();
            counts[1] += key.outcome().isProviderFault() ? tallied.count() : 0;
            latency.computeIfAbsent(key.provider(), p -> new LatencyHistogram()).add(tallied.latency());
        });
        marks.keySet().forEach(provider -> callsAndFaults.computeIfAbsent(provider, p -> new long[2]));
        List<DashboardSummary.ProviderHealth> health = new ArrayList<>();
        Map<String, String> circuitStates = circuits.get();
        callsAndFaults.forEach((provider, counts) -> {
            LiveTrafficWindow.Marks mark = marks.getOrDefault(provider, new LiveTrafficWindow.Marks(null, null, null));
            LatencyHistogram providerLatency = latency.getOrDefault(provider, new LatencyHistogram());
            health.add(new DashboardSummary.ProviderHealth(provider, names.persian(provider).orElse(null),
                    names.english(provider).orElse(null), state(counts[0], counts[1]), counts[0], counts[1],
                    counts[0] == 0 ? null : (double) counts[1] / counts[0], mark.lastFaultAt(), mark.lastFault(),
                    mark.lastAnswerAt(), providerLatency.percentileMillis(0.95), circuitStates.get(provider)));
        });
        return health;
    }

    static String state(long calls, long faults) {
        if (calls == 0) {
            return "IDLE";
        }
        if (calls >= 3 && faults * 2 >= calls) {
            return "FAILING";
        }
        return faults * 20 >= calls && faults > 0 ? "DEGRADED" : "HEALTHY";
    }

    private static Map<String, Long> denialsByReason(Map<FlowKey, LiveTrafficWindow.Tallied> flows) {
        Map<String, Long> reasons = new TreeMap<>();
        flows.forEach((key, tallied) -> {
            if (key.outcome().isDenial()) {
                reasons.merge(key.outcome().name(), tallied.count(), Long::sum);
            }
        });
        return reasons;
    }
}
