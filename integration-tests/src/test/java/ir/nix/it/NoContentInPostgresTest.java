package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 003 Art. 31.4 on the production store: every service driven with known values, then a full
 * {@code pg_dump} of the bus's PostgreSQL database, this node's Artemis journal and the metrics
 * output are searched for them. Zero hits is the only pass.
 */
class NoContentInPostgresTest extends PostgresBusUnderTest {

    @Test
    void leavesNoIdentifierOrValueInPostgresJournalOrMetrics() throws Exception {
        long before = recordCount();
        int exchanges = ContentScan.driveEveryService(this);
        await().atMost(Duration.ofSeconds(15)).until(() -> recordCount() >= before + exchanges);

        Process dump = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-p", Integer.toString(Postgres.PORT),
                "-U", Postgres.USER, "--no-password", DATABASE).redirectErrorStream(true).start();
        byte[] dumped = dump.getInputStream().readAllBytes();
        assertThat(dump.waitFor()).as(new String(dumped, 0, Math.min(dumped.length, 500), StandardCharsets.UTF_8)).isZero();
        assertThat(new String(dumped, StandardCharsets.UTF_8)).contains("COPY public.traffic_record");

        List<String> hits = new ArrayList<>(ContentScan.hits("pg_dump " + DATABASE, dumped));
        hits.addAll(ContentScan.hitsInFiles(PG_DATA_DIR));
        hits.addAll(ContentScan.hits("/actuator/prometheus", get("/actuator/prometheus").raw().getBytes(StandardCharsets.UTF_8)));

        assertThat(hits).isEmpty();
    }

    private static long recordCount() throws Exception {
        try (Connection db = Postgres.connect(DATABASE); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM traffic_record")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
