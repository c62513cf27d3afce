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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    private static final int RECORDS = 100_000;
    /** As many concurrent senders as issue 12's target names: records of concurrent requests share journal writes. */
    private static final int PRODUCERS = 32;

    @Autowired
    TrafficQueue queue;

    @Autowired
    TrafficWriter writer;

    @Test
    void measuresRecordsPerSecondIntoPostgres() throws Exception {
        long writtenBefore = writer.written();
        ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (int p = 0; p < PRODUCERS; p++) {
            sent.add(producers.submit(() -> {
                for (int i = 0; i < RECORDS / PRODUCERS; i++) {
                    queue.accept(record());
                }
            }));
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        for (Future<?> producer : sent) {
            producer.get(); // a refused record (TrafficPathRefused) fails the run here instead of leaving the drain short
        }
        double enqueueSeconds = (System.nanoTime() - start) / 1e9;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> writer.written() - writtenBefore >= RECORDS);
        double totalSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("traffic path into PostgreSQL: %d records, %d producers%n", RECORDS, PRODUCERS);
        System.out.printf("  durable enqueue: %.0f records/s (%.1f s)%n", RECORDS / enqueueSeconds, enqueueSeconds);
        System.out.printf("  queue -> chained PostgreSQL store, end to end: %.0f records/s (%.1f s)%n",
                RECORDS / totalSeconds, totalSeconds);
        assertThat(writer.written() - writtenBefore).isGreaterThanOrEqualTo(RECORDS);
    }

    private static TrafficRecord record() {
        Instant now = Instant.now();
        return new TrafficRecord(TrackingId.next(), null, null, Channel.REST, new AgencyCode("MOE"), new AgencyCode("CRA"),
                new ServiceCode("shahkar"), "1", "wg26-moe-shahkar", "WG-26/1400-08-18", "bench", "0".repeat(64),
                PolicyVerdict.PERMIT, OutcomeCode.OK, 200, now, now, now,
                1_500, 900L, 52, 98, "nix-pg", null, null);
    }
}
