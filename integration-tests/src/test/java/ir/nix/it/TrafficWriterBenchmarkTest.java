package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficQueue;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Throughput of the durable traffic path into PostgreSQL: synthetic metadata records are sent to the
 * traffic queue by concurrent producers (as request threads do), and the node's writer drains them
 * into the partitioned, hash-chained store. Not part of the suite; run with
 * {@code mvn -o -pl integration-tests test -Dtest=TrafficWriterBenchmarkTest -Dnix.benchmark.writer=true}.
 */
@EnabledIfSystemProperty(named = "nix.benchmark.writer", matches = "true")
class TrafficWriterBenchmarkTest extends PostgresBusUnderTest {

    private static final int RECORDS = Integer.getInteger("nix.benchmark.writer.records", 100_000);
    /** As many concurrent senders as issue 12's target names: records of concurrent requests share journal writes. */
    private static final int PRODUCERS = 32;
    /** Rounds of {@link #RECORDS} each ({@code -Dnix.benchmark.writer.rounds}); the last one is measured warm. */
    private static final String WRITER_THREAD = "traffic-writer";
    private static final int ROUNDS = Integer.getInteger("nix.benchmark.writer.rounds", 3);

    @Autowired
    TrafficQueue queue;

    @Autowired
    TrafficWriter writer;

    @Test
    void measuresRecordsPerSecondIntoPostgres() throws Exception {
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                round(producers, round);
            }
            apart(producers);
        } finally {
            producers.shutdownNow();
        }
    }

    /**
     * The two halves apart, warm: with the node's writer stopped the producers fill the queue (the durable enqueue alone),
     * then the writer starts again and drains it (queue to store alone).
     */
    private void apart(ExecutorService producers) throws Exception {
        writer.stop();
        long writtenBefore = writer.written(); // read before the writer starts again, so none of the drain is missed
        try {
            long enqueuedBefore = queue.enqueued();
            long processCpuBefore = processCpuNanos();
            long start = System.nanoTime();
            enqueue(producers);
            double enqueueSeconds = (System.nanoTime() - start) / 1e9;
            long processCpu = processCpuNanos() - processCpuBefore;
            long enqueued = queue.enqueued() - enqueuedBefore;
            System.out.printf("traffic path apart, writer stopped: durable enqueue alone %.0f records/s (%d records, %.1f s; "
                    + "CPU of this JVM %.1f µs per record, %.2f cores)%n", enqueued / enqueueSeconds, enqueued, enqueueSeconds,
                    processCpu / 1e3 / enqueued, processCpu / 1e9 / enqueueSeconds);
        } finally {
            writer.start();
        }
        long expected = RECORDS / PRODUCERS * PRODUCERS;
        Map<String, Long> cpuBefore = cpuByThreadGroup(); // the new writer thread has barely started: its CPU is all drain
        long start = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> writer.written() - writtenBefore >= expected);
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        double writerBusy = (cpuByThreadGroup().getOrDefault(WRITER_THREAD, 0L) - cpuBefore.getOrDefault(WRITER_THREAD, 0L))
                / 1e9 / drainSeconds;
        System.out.printf("traffic path apart, writer started: queue -> chained PostgreSQL store alone %.0f records/s "
                + "(%.1f s; the writer thread on CPU %.0f %% of it, the rest waiting for the queue and PostgreSQL)%n",
                (writer.written() - writtenBefore) / drainSeconds, drainSeconds, writerBusy * 100);
    }

    private void enqueue(ExecutorService producers) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            sent.add(producers.submit(() -> {
                for (int i = 0; i < RECORDS / PRODUCERS; i++) {
                    queue.accept(record());
                }
            }));
        }
        for (Future<?> producer : sent) {
            producer.get(10, TimeUnit.MINUTES); // a refused record (TrafficPathRefused) fails the run here
        }
    }

    /**
     * One round: {@link #RECORDS} records by {@link #PRODUCERS} producers, then the drain. The first rounds run while
     * the JIT still compiles the path; the last is the steady figure.
     */
    private void round(ExecutorService producers, int round) throws Exception {
        long writtenBefore = writer.written();
        long enqueuedBefore = queue.enqueued();
        long writesBefore = queue.journalWrites();
        Map<String, Long> cpuBefore = cpuByThreadGroup();
        long processCpuBefore = processCpuNanos();
        long start = System.nanoTime();
        enqueue(producers);
        double enqueueSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuEnqueue = cpuByThreadGroup();
        long processCpu = processCpuNanos() - processCpuBefore;
        long groups = queue.journalWrites() - writesBefore;
        long enqueued = queue.enqueued() - enqueuedBefore;
        long writtenDuringEnqueue = writer.written() - writtenBefore;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> writer.written() - writtenBefore >= enqueued);
        double totalSeconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuDrain = cpuByThreadGroup();
        double writerBusy = (cpuDrain.getOrDefault(WRITER_THREAD, 0L) - cpuEnqueue.getOrDefault(WRITER_THREAD, 0L))
                / 1e9 / (totalSeconds - enqueueSeconds);

        System.out.printf("traffic path into PostgreSQL, round %d of %d: %d records, %d producers%n",
                round, ROUNDS, enqueued, PRODUCERS);
        System.out.printf("  durable enqueue: %.0f records/s (%.1f s)%n", enqueued / enqueueSeconds, enqueueSeconds);
        System.out.printf("  queue -> chained PostgreSQL store, end to end: %.0f records/s (%.1f s)%n",
                enqueued / totalSeconds, totalSeconds);
        System.out.printf("  the store alone, after the enqueue: %.0f records/s (%d records left in the queue, drained in %.1f s; "
                + "the writer thread on CPU %.0f %% of that time, the rest waiting for PostgreSQL)%n",
                (enqueued - writtenDuringEnqueue) / (totalSeconds - enqueueSeconds), enqueued - writtenDuringEnqueue,
                totalSeconds - enqueueSeconds, writerBusy * 100);
        System.out.printf("  journal writes during the enqueue: %d groups, %.1f records per group%n",
                groups, (double) enqueued / Math.max(1, groups));
        System.out.printf("  CPU of this JVM during the enqueue: %.1f µs per record (%.2f cores; JIT and GC threads are "
                + "not listed); by thread group:%n", processCpu / 1e3 / enqueued, processCpu / 1e9 / enqueueSeconds);
        cpuEnqueue.forEach((group, nanos) -> {
            long used = nanos - cpuBefore.getOrDefault(group, 0L);
            if (used > enqueueSeconds * 1e9 / 200) { // groups above half a percent of one core
                System.out.printf("    %-60s %8.1f%n", group, used / 1e3 / enqueued);
            }
        });
        assertThat(enqueued).isEqualTo(RECORDS / PRODUCERS * PRODUCERS);
        assertThat(writer.written() - writtenBefore).isGreaterThanOrEqualTo(enqueued);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU nanoseconds by thread name with its numbers taken out (the 32 producers are one group). */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                groups.merge(info.getThreadName().replaceAll("\\d+", "#"), cpu, Long::sum);
            }
        }
        return groups;
    }

    private static TrafficRecord record() {
        Instant now = Instant.now();
        return new TrafficRecord(TrackingId.next(), null, null, Channel.REST, new AgencyCode("MOE"), new AgencyCode("CRA"),
                new ServiceCode("shahkar"), "1", "wg26-moe-shahkar", "WG-26/1400-08-18", "bench", "0".repeat(64),
                PolicyVerdict.PERMIT, OutcomeCode.OK, 200, now, now, now,
                1_500, 900L, 52, 98, "nix-pg", null, null);
    }
}
