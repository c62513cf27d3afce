package ir.nix.core.traffic.chain;

import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.node.NodeProperties;
import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.SigningProperties;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficProperties;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A migrated in-memory H2 traffic store with one node's chain, checkpoints and bus key. */
final class ChainFixture {

    static final String NODE = "nix-t";
    private static final Instant START = Instant.parse("2026-11-23T08:00:00.000001Z");

    final JdbcDataSource dataSource = new JdbcDataSource();
    final JdbcTemplate jdbc;
    final TrafficStore store;
    final ChainStore chainStore;
    final BusSigner signer;
    TrafficChain chain;
    final TrafficCheckpoints checkpoints;
    private int sent;

    ChainFixture(Path dataDir) {
        dataSource.setURL("jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new TrafficStore(jdbc);
        chainStore = new ChainStore(jdbc);
        chain = new TrafficChain(jdbc, store, chainStore, NodeProperties.named(NODE));
        signer = new BusSigner(new SigningProperties(null, "nix-bus", "nix-bus"), new NodeProperties(NODE, dataDir));
        // The key is generated into dataDir on a start thread: joined here, as the context does, so a test that never
        // signs cannot end while that thread is still writing into the temporary directory JUnit deletes.
        signer.afterSingletonsInstantiated();
        checkpoints = new TrafficCheckpoints(chain, chainStore, signer,
                new TrafficProperties("nix.traffic", 500, Duration.ofMillis(200), 400, 7, Duration.ofMinutes(1), Duration.ofSeconds(5),
                        Duration.ofMillis(50), 2, Duration.ofMillis(1)));
    }

    /** {@code count} new exchanges, a second apart. */
    List<TrafficRecord> records(int count) {
        List<TrafficRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = ++sent;
            Instant received = START.plusSeconds(n);
            records.add(new TrafficRecord(TrackingId.next(), null, "req-" + n, Channel.REST, CanonicalFormTest.MOE,
                    CanonicalFormTest.CRA, CanonicalFormTest.SHAHKAR, "1", "grant-moe-shahkar", "WG-26", "2026.11", "ab".repeat(32),
                    PolicyVerdict.PERMIT, n % 5 == 0 ? OutcomeCode.PROVIDER_ERROR : OutcomeCode.OK,
                    n % 5 == 0 ? 502 : 200, received, received.plusMillis(2), received.plusMillis(40), 45_000 + n, 38_000L,
                    61, 120, NODE, null, null));
        }
        return records;
    }

    /** Appends {@code count} records in batches of {@code batch}. */
    void append(int count, int batch) {
        for (int done = 0; done < count; done += batch) {
            chain.append(records(Math.min(batch, count - done)));
        }
    }

    ChainReport verify(ChainVerifier.Scope scope, List<java.security.cert.X509Certificate> trusted) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            List<ChainReport> reports = new ChainVerifier(db, trusted).verify(scope);
            return reports.get(0);
        }
    }

    ChainReport verify() throws SQLException {
        return verify(new ChainVerifier.Scope(null, null, null), List.of(signer.certificate()));
    }

    String trackingIdAt(long seq) {
        return jdbc.queryForObject("SELECT tracking_id FROM traffic_record WHERE chain_node = ? AND chain_seq = ?", String.class,
                NODE, seq);
    }
}
