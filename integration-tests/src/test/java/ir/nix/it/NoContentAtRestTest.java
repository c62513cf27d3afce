package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.CraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 003 Art. 31.4: nothing but traffic data at rest. Drives every path with known identifiers, then
 * searches the store's files, the log file and the metrics output for them: zero hits is the only pass.
 */
class NoContentAtRestTest extends BusUnderTest {

    /** Known identifiers, in every form a careless component could write them. */
    static final List<String> KNOWN = List.of("2876543214", "09191002030", "989191002030", "9191002030",
            "1300130016", "09131112222", "989131112222", CraSimulator.FAILING_NATIONAL_CODE);

    @Autowired
    DataSource dataSource;

    @Test
    void leavesNoIdentifierInStoreLogsOrMetrics() throws Exception {
        long before = recordCount();
        List<Reply> replies = driveEveryPath();
        await().atMost(Duration.ofSeconds(10)).until(() -> recordCount() >= before + replies.size());
        assertThat(recordCount()).isEqualTo(before + replies.size());
        flushStoreToDisk();

        List<String> hits = new ArrayList<>();
        for (Path file : filesUnder(BusUnderTest.DATA_DIR)) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            KNOWN.stream().filter(content::contains).forEach(id -> hits.add(file.getFileName() + " holds " + id));
        }
        String metrics = get("/actuator/prometheus").raw();
        KNOWN.stream().filter(metrics::contains).forEach(id -> hits.add("/actuator/prometheus shows " + id));

        assertThat(filesUnder(BusUnderTest.DATA_DIR)).extracting(p -> p.getFileName().toString())
                .contains("traffic.mv.db", "nix.log");
        assertThat(hits).isEmpty();
    }

    private List<Reply> driveEveryPath() {
        List<Reply> replies = new ArrayList<>();
        replies.add(inquire("shahkar", "MOE", body("2876543214", "09191002030")));        // matched
        replies.add(inquire("shahkar", "IHIO", body("1300130016", "09131112222")));       // not matched
        replies.add(inquire("shahkar", "IRCS", body("2876543214", "09191002030")));       // no grant
        replies.add(inquire("shahkar", "MOE", body("2876543215", "09191002030")));        // invalid check digit
        replies.add(inquire("shahkar", "MOE", body(CraSimulator.FAILING_NATIONAL_CODE, "09131112222"))); // provider 500
        replies.add(inquire("shahkar", "MOE", "{\"nationalCode\":\"1300130016\","));     // malformed
        replies.add(inquire("no-such-service", "MOE", body("1300130016", "09131112222"))); // unknown service
        replies.add(post("/api/v1/inquiries/shahkar", Map.of("Content-Type", "application/json"),
                body("1300130016", "09131112222")));                                           // no consumer
        replies.add(inquire("shahkar", "MOE", "{\"nationalCode\":{\"nested\":\"1300130016\"}}"));  // wrong shape
        return replies;
    }

    private static String body(String nationalCode, String mobile) {
        return "{\"nationalCode\":\"" + nationalCode + "\",\"mobile\":\"" + mobile + "\"}";
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

    private static List<Path> filesUnder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
