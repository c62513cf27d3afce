package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.CertificatePem;
import ir.nix.core.traffic.TrafficColumn;
import ir.nix.core.traffic.chain.CanonicalForm;
import ir.nix.deploy.cli.NixCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5, item 3: {@code nix-bus verify} over the real PostgreSQL store detects a modified, a deleted and
 * an inserted record. Each test drives its own exchanges, waits until a signed checkpoint anchors them,
 * tampers with the store directly (as someone with database access would), verifies, and puts the
 * store back, so that every test starts from an intact chain.
 */
class TrafficChainPostgresTest extends PostgresBusUnderTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    private static final String NODE = "nix-pg";

    @Autowired
    BusSigner signer;

    Path certificate;

    /** The CLI's output and exit code. */
    record Verification(int exitCode, String out, String err) {
    }

    /** A chained record: its tracking ID and position. */
    record Link(String trackingId, long seq) {
    }

    @BeforeEach
    void publishBusCertificate() throws IOException {
        certificate = Files.writeString(PG_DATA_DIR.resolve("bus.pem"), CertificatePem.encode(signer.certificate()));
    }

    @Test
    void reportsAnIntactChainWithItsLastAnchoredSequence() throws Exception {
        List<Link> links = anchoredExchanges(3);

        Verification result = verify();

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("node " + NODE + ": intact", "RESULT: INTACT", "last anchored seq")
                .contains(CertificatePem.fingerprint(signer.certificate()));
        assertThat(result.err()).isEmpty();
        assertThat(links).extracting(Link::seq).doesNotHaveDuplicates();
    }

    @Test
    void namesAModifiedRecordAndItsSequence() throws Exception {
        Link victim = anchoredExchanges(3).get(1);
        String original = sql("SELECT outcome FROM traffic_record WHERE tracking_id = ?", victim.trackingId());
        update("UPDATE traffic_record SET outcome = 'NO_GRANT' WHERE tracking_id = ?", victim.trackingId());
        try {
            Verification result = verify();

            assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("MODIFIED at seq " + victim.seq() + ", tracking ID " + victim.trackingId(),
                    "RESULT: BROKEN");
        } finally {
            update("UPDATE traffic_record SET outcome = ? WHERE tracking_id = ?", original, victim.trackingId());
        }
        assertThat(verify().exitCode()).as("intact again once restored").isZero();
    }

    @Test
    void namesADeletedRecordBySequence() throws Exception {
        Link victim = anchoredExchanges(3).get(1);
        try (Connection db = Postgres.connect(DATABASE); Statement sql = db.createStatement()) {
            sql.execute("CREATE TEMP TABLE deleted_record AS SELECT * FROM traffic_record WHERE tracking_id = '" + victim.trackingId() + "'");
            sql.execute("DELETE FROM traffic_record WHERE tracking_id = '" + victim.trackingId() + "'");
            try {
                Verification result = verify();

                assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
                assertThat(result.out()).contains("DELETED at seq " + victim.seq(), "seq " + victim.seq() + " is missing");
            } finally {
                sql.execute("INSERT INTO traffic_record SELECT * FROM deleted_record");
            }
        }
        assertThat(verify().exitCode()).as("intact again once restored").isZero();
    }

    @Test
    void namesAnInsertedRecordByTrackingId() throws Exception {
        anchoredExchanges(2);
        String forged = UUID.randomUUID().toString();
        update("INSERT INTO traffic_record (tracking_id, channel, consumer, provider, service, decision, outcome, status, "
                + "received_at, total_micros, request_bytes, reply_bytes, bus_node) VALUES (?, 'REST', 'MOE', 'CRA', 'shahkar', "
                + "'PERMIT', 'OK', 200, ?, 1000, 60, 40, 'nix-pg')", forged, OffsetDateTime.now(ZoneOffset.UTC));
        try {
            Verification result = verify();

            assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("INSERTED, tracking ID " + forged, "carries no chain fields");
        } finally {
            update("DELETE FROM traffic_record WHERE tracking_id = ?", forged);
        }
        assertThat(verify().exitCode()).as("intact again once removed").isZero();
    }

    @Test
    void namesARecordForgedWithAChainPositionBeyondTheLastCheckpoint() throws Exception {
        anchoredExchanges(2);
        String forged = UUID.randomUUID().toString();
        long beyond = Long.parseLong(sql("SELECT MAX(chain_seq) FROM traffic_record WHERE chain_node = ?", NODE)) + 1;
        update("INSERT INTO traffic_record (tracking_id, channel, decision, outcome, status, received_at, total_micros, "
                + "request_bytes, reply_bytes, bus_node, chain_node, chain_seq, chain_hash) VALUES (?, 'REST', 'PERMIT', 'OK', 200, ?, "
                + "1000, 60, 40, 'nix-pg', 'nix-pg', ?, ?)", forged, OffsetDateTime.now(ZoneOffset.UTC), beyond, "e".repeat(64));
        try {
            Verification result = verify();

            assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
            assertThat(result.out()).contains("INSERTED at seq " + beyond + ", tracking ID " + forged);
        } finally {
            update("DELETE FROM traffic_record WHERE tracking_id = ?", forged);
        }
    }

    @Test
    void warnsThatTheSignerIsNotIndependentlyTrustedWithoutACertificate() throws Exception {
        anchoredExchanges(1);

        Verification result = run("verify", "--db-url", Postgres.url(DATABASE), "--db-user", Postgres.USER, "--db-password=",
                "--node", NODE);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("WARNING", "not independently trusted");
    }

    @Test
    void exitsWithTwoWhenTheStoreIsUnreachable() {
        Verification result = run("verify", "--db-url", "jdbc:postgresql://127.0.0.1:1/nix", "--db-user", "nix", "--db-password=");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot read the traffic store");
    }

    /**
     * docs/traffic-integrity.md promises auditors a query that recomputes a link without the bus: run it as
     * written, on a stored record (form 1) and on a row with a refusal reason and an item count (form 2).
     */
    @Test
    void theDocumentedLinkQueryRecomputesTheChainHashOfEitherForm() throws Exception {
        String query = documentedLinkQuery();
        Link link = anchoredExchanges(1).get(0);
        String previous = link.seq() == 1 ? "0".repeat(64)
                : sql("SELECT chain_hash FROM traffic_record WHERE chain_node = ? AND chain_seq = ?", NODE, link.seq() - 1);

        String form1 = sql(query, NODE, link.seq());

        assertThat(sha256Hex(previous + form1))
                .isEqualTo(sql("SELECT chain_hash FROM traffic_record WHERE tracking_id = ?", link.trackingId()));

        String forged = UUID.randomUUID().toString();
        update("INSERT INTO traffic_record (tracking_id, channel, decision, outcome, status, received_at, total_micros, "
                + "request_bytes, reply_bytes, bus_node, chain_node, chain_seq, chain_hash, reason, item_count) VALUES (?, 'REST', "
                + "'NOT_REACHED', 'CONSUMER_NOT_IDENTIFIED', 401, ?, 1000, 0, 300, 'nix-pg', 'doc-form-2', 1, ?, 'EXPIRED', 2)",
                forged, OffsetDateTime.now(ZoneOffset.UTC), "e".repeat(64));
        try (Connection db = Postgres.connect(DATABASE); PreparedStatement row = db.prepareStatement(
                "SELECT " + TrafficColumn.NAMES + " FROM traffic_record WHERE tracking_id = ?")) {
            row.setString(1, forged);
            try (ResultSet stored = row.executeQuery()) {
                assertThat(stored.next()).isTrue();
                String expected = new String(CanonicalForm.of("doc-form-2", 1, TrafficColumn.values(stored)), StandardCharsets.UTF_8);

                assertThat(sql(query, "doc-form-2", 1L)).isEqualTo(expected).endsWith("\nEXPIRED\n2");
            }
        } finally {
            update("DELETE FROM traffic_record WHERE tracking_id = ?", forged);
        }
    }

    /** The first {@code sql} block of docs/traffic-integrity.md, its psql variables as JDBC parameters. */
    private static String documentedLinkQuery() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "traffic-integrity.md"));
        int start = doc.indexOf("```sql\n") + "```sql\n".length();
        String block = doc.substring(start, doc.indexOf("```", start)).strip();
        return block.replace(":'node'", "?").replace(":seq", "?").replaceAll(";$", "");
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Verification verify() {
        return run("verify", "--db-url", Postgres.url(DATABASE), "--db-user", Postgres.USER, "--db-password=", "--node", NODE,
                "--certificate", certificate.toString());
    }

    private static Verification run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NixCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Verification(code, out.toString(), err.toString());
    }

    /** Sends {@code count} exchanges and waits until they are stored and a signed checkpoint covers them. */
    private List<Link> anchoredExchanges(int count) {
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply reply = inquire("shahkar", "MOE", SHAHKAR);
            assertThat(reply.status()).isEqualTo(200);
            String seq = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> sql("SELECT chain_seq FROM traffic_record WHERE tracking_id = ?", reply.trackingHeader()),
                            found -> found != null);
            links.add(new Link(reply.trackingHeader(), Long.parseLong(seq)));
        }
        long last = links.get(links.size() - 1).seq();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> sql("SELECT MAX(chain_seq) FROM traffic_checkpoint WHERE chain_node = ?", NODE),
                        anchored -> anchored != null && Long.parseLong(anchored) >= last);
        return links;
    }

    private static String sql(String query, Object... arguments) throws SQLException {
        try (Connection db = Postgres.connect(DATABASE); PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static void update(String update, Object... arguments) throws SQLException {
        try (Connection db = Postgres.connect(DATABASE); PreparedStatement statement = db.prepareStatement(update)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            statement.executeUpdate();
        }
    }
}
