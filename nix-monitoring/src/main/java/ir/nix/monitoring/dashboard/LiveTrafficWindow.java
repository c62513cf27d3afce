package ir.nix.monitoring.dashboard;

import ir.nix.core.exchange.OutcomeClass;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficSink;
import ir.nix.monitoring.figures.LatencyHistogram;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * This node's recent traffic in memory, fed by the pipeline like every {@link TrafficSink}: a ring of
 * one-second slots, each holding a {@link Tally} per flow, plus running totals since start. Recording
 * is a few lock-free increments; reading touches at most {@code window} slots and never the store, so
 * the dashboard can refresh every couple of seconds at no cost to the inquiry path.
 */
public final class LiveTrafficWindow implements TrafficSink {

    private record Slot(long second, Map<FlowKey, Tally> flows) {
    }

    /** Last provider fault and last answer between one consumer and one provider. */
    record Marks(Instant lastFaultAt, String lastFault, Instant lastAnswerAt) {
        Marks merge(Marks other) {
            boolean otherFaultLater = other.lastFaultAt != null && (lastFaultAt == null || other.lastFaultAt.isAfter(lastFaultAt));
            return new Marks(otherFaultLater ? other.lastFaultAt : lastFaultAt, otherFaultLater ? other.lastFault : lastFault,
                    later(lastAnswerAt, other.lastAnswerAt));
        }

        private static Instant later(Instant a, Instant b) {
            return a == null ? b : b == null || a.isAfter(b) ? a : b;
        }
    }

    record Parties(String consumer, String provider) {
    }

    private final Clock clock;
    private final int seconds;
    private final int recentDenialLimit;
    private final AtomicReferenceArray<Slot> slots;
    private final Map<FlowKey, Tally> sinceStart = new ConcurrentHashMap<>();
    private final Map<Parties, Marks> marks = new ConcurrentHashMap<>();
    private final Deque<DashboardSummary.RecentDenial> denials = new ArrayDeque<>();

    public LiveTrafficWindow(Clock clock, int seconds, int recentDenialLimit) {
        if (seconds < 10) {
            throw new IllegalArgumentException("the dashboard window must be at least 10 seconds");
        }
        this.clock = clock;
        this.seconds = seconds;
        this.recentDenialLimit = recentDenialLimit;
        this.slots = new AtomicReferenceArray<>(seconds);
    }

    @Override
    public void accept(TrafficRecord record) {
        Instant now = clock.instant();
        FlowKey key = FlowKey.of(record);
        slot(now.getEpochSecond()).flows().computeIfAbsent(key, k -> new Tally()).record(record.totalMicros());
        sinceStart.computeIfAbsent(key, k -> new Tally()).record(record.totalMicros());
        if (record.outcome().isDenial()) {
            remember(new DashboardSummary.RecentDenial(record.receivedAt(), record.trackingId().toString(),
                    key.consumer(), key.service(), key.provider(), record.outcome().name()));
        }
        mark(record, now);
    }

    private Slot slot(long second) {
        int index = (int) Math.floorMod(second, (long) seconds);
        while (true) {
            Slot current = slots.get(index);
            if (current != null && current.second() == second) {
                return current;
            }
            Slot fresh = new Slot(second, new ConcurrentHashMap<>());
            if (slots.compareAndSet(index, current, fresh)) {
                return fresh;
            }
        }
    }

    private void remember(DashboardSummary.RecentDenial denial) {
        synchronized (denials) {
            denials.addFirst(denial);
            while (denials.size() > recentDenialLimit * 20) {
                denials.removeLast();
            }
        }
    }

    private void mark(TrafficRecord record, Instant now) {
        if (record.provider() == null) {
            return;
        }
        boolean fault = record.outcome().isProviderFault();
        boolean answer = record.outcome().outcomeClass() == OutcomeClass.ANSWERED;
        if (fault || answer) {
            Marks mark = new Marks(fault ? now : null, fault ? record.outcome().name() : null, answer ? now : null);
            marks.merge(new Parties(FlowKey.code(record.consumer()), record.provider().value()), mark, Marks::merge);
        }
    }

    public int seconds() {
        return seconds;
    }

    Instant now() {
        return clock.instant();
    }

    /** Per flow, the exchanges of the last {@code lastSeconds} seconds (up to the window) that pass the filter. */
    Map<FlowKey, Tallied> window(int lastSeconds, Predicate<FlowKey> visible) {
        long newest = clock.instant().getEpochSecond();
        Map<FlowKey, Tallied> flows = new HashMap<>();
        forEachSlot(newest - Math.min(lastSeconds, seconds) + 1, newest, (second, key, tally) -> {
            if (visible.test(key)) {
                flows.computeIfAbsent(key, k -> new Tallied()).add(tally);
            }
        });
        return flows;
    }

    /** Per flow, everything since this node started. */
    Map<FlowKey, Tallied> sinceStart(Predicate<FlowKey> visible) {
        Map<FlowKey, Tallied> flows = new HashMap<>();
        sinceStart.forEach((key, tally) -> {
            if (visible.test(key)) {
                flows.computeIfAbsent(key, k -> new Tallied()).add(tally);
            }
        });
        return flows;
    }

    /** Exchanges per bin of {@code binSeconds} over the whole window, oldest first, by outcome class. */
    List<DashboardSummary.ThroughputBin> throughput(int binSeconds, Predicate<FlowKey> visible) {
        long newest = clock.instant().getEpochSecond();
        long firstBin = Math.floorDiv(newest - seconds + 1, binSeconds) * binSeconds;
        int bins = (int) ((newest - firstBin) / binSeconds) + 1;
        long[][] counts = new long[bins][OutcomeClass.values().length];
        forEachSlot(firstBin, newest, (second, key, tally) -> {
            if (visible.test(key)) {
                counts[(int) ((second - firstBin) / binSeconds)][key.outcome().outcomeClass().ordinal()] += tally.count();
            }
        });
        List<DashboardSummary.ThroughputBin> series = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            long[] c = counts[i];
            series.add(new DashboardSummary.ThroughputBin(Instant.ofEpochSecond(firstBin + (long) i * binSeconds),
                    c[OutcomeClass.ANSWERED.ordinal()], c[OutcomeClass.DENIED.ordinal()], c[OutcomeClass.REJECTED.ordinal()],
                    c[OutcomeClass.FAILED.ordinal()]));
        }
        return series;
    }

    List<DashboardSummary.RecentDenial> recentDenials(Predicate<DashboardSummary.RecentDenial> visible) {
        synchronized (denials) {
            return denials.stream().filter(visible).limit(recentDenialLimit).toList();
        }
    }

    /** The latest fault and answer per provider, over the consumer/provider pairs that pass the filter. */
    Map<String, Marks> providerMarks(Predicate<Parties> visible) {
        Map<String, Marks> byProvider = new HashMap<>();
        marks.forEach((parties, mark) -> {
            if (visible.test(parties)) {
                byProvider.merge(parties.provider(), mark, Marks::merge);
            }
        });
        return byProvider;
    }

    private interface SlotVisitor {
        void visit(long second, FlowKey key, Tally tally);
    }

    private void forEachSlot(long fromSecond, long toSecond, SlotVisitor visitor) {
        for (int i = 0; i < seconds; i++) {
            Slot slot = slots.get(i);
            if (slot != null && slot.second() >= fromSecond && slot.second() <= toSecond) {
                slot.flows().forEach((key, tally) -> visitor.visit(slot.second(), key, tally));
            }
        }
    }

    /** A flow's count and latency, summed over slots. */
    static final class Tallied {
        private long count;
        private final LatencyHistogram latency = new LatencyHistogram();

        void add(Tally tally) {
            count += tally.count();
            latency.add(tally.histogram());
        }

        long count() {
            return count;
        }

        LatencyHistogram latency() {
            return latency;
        }
    }
}
