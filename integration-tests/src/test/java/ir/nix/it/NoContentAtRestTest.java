package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.ingress.messaging.MessagingProperties;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 003 Art. 31.4: nothing but traffic data at rest. Drives every service over REST and SOAP, and the
 * messaging channel (persistent sends, a poison message dead-lettered) and publications (tokenised feeds
 * delivered and consumed, an unreadable publication dead-lettered), answered
 * and refused, with known identifiers and values, then searches the H2 store's files, the Artemis
 * journal, the log file and the metrics output for them: zero hits is the only pass.
 */
class NoContentAtRestTest extends BusUnderTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    MessagingProperties messaging;

    @Test
    void leavesNoIdentifierOrValueInStoreJournalLogsOrMetrics() throws Exception {
        long before = recordCount();
        int exchanges = ContentScan.driveEveryService(this) + ContentScan.driveMessaging(messaging.amqpPort())
                + ContentScan.drivePublications(this, messaging.amqpPort());
        await().atMost(Duration.ofSeconds(15)).until(() -> recordCount() >= before + exchanges);
        flushStoreToDisk();

        List<String> hits = new ArrayList<>(ContentScan.hitsInFiles(BusUnderTest.DATA_DIR));
        hits.addAll(ContentScan.hits("/actuator/prometheus", get("/actuator/prometheus").raw().getBytes(StandardCharsets.UTF_8)));

        assertThat(ContentScan.filesUnder(BusUnderTest.DATA_DIR)).extracting(p -> p.getFileName().toString())
                .contains("traffic.mv.db", "nix.log").anyMatch(name -> name.endsWith(".amq"));
        assertThat(hits).isEmpty();
    }

    @Test
    void scanFindsAKnownValueInEveryEncoding() {
        for (java.nio.charset.Charset encoding : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE)) {
            byte[] planted = ("record ... " + ContentScan.KNOWN.get(0) + " ... " + "رضایی").getBytes(encoding);
            assertThat(ContentScan.hits("control", planted)).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    private long recordCount() {
        Long count = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM traffic_record", Long.class);
        return count == null ? 0 : count;
    }

    /** H2 writes pages lazily; a checkpoint puts everything committed into the file being searched. */
    private void flushStoreToDisk() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        }
    }
}
