package ir.nix.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real bus on the real PostgreSQL store, reached through a {@link TcpProxy} the test can cut.
 * Runs its own embedded broker (server id 1, own journal) beside the H2 bus of other test classes.
 */
public abstract class PostgresBusUnderTest extends BusUnderTest {

    static final String DATABASE = Postgres.freshDatabase("nix_it");
    static final TcpProxy STORE_LINK = startProxy();
    static final Path PG_DATA_DIR = BusUnderTest.DATA_DIR.resolve("pg-node");

    @DynamicPropertySource
    static void postgresProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> Postgres.url(DATABASE, STORE_LINK.port()));
        registry.add("spring.datasource.username", () -> Postgres.USER);
        registry.add("spring.datasource.password", () -> "");
        // As application-prod.yml sets it: the traffic writer's batches go as multi-row inserts.
        registry.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "1500");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "1000");
        // Spring Boot numbers embedded brokers from a JVM-wide counter starting at 0 (the H2 context takes
        // one of the first); this context's broker is pinned out of the counter's reach, so the two
        // contexts never share an in-VM broker. (A subclass cannot override a superclass's registration:
        // the superclass's value wins, hence the pin is here only.)
        registry.add("spring.artemis.embedded.server-id", () -> "99");
        registry.add("spring.artemis.embedded.data-directory", () -> PG_DATA_DIR.resolve("artemis").toString());
        registry.add("nix.node", () -> "nix-pg");
    }

    private static TcpProxy startProxy() {
        try {
            Files.createDirectories(BusUnderTest.DATA_DIR.resolve("pg-node"));
            return new TcpProxy(Postgres.PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records per tracking ID, read straight from PostgreSQL (not through the cuttable link). */
    static Map<String, Integer> recordsPerTrackingId(List<String> trackingIds) throws SQLException {
        return Postgres.recordsPerTrackingId(DATABASE, trackingIds);
    }
}
