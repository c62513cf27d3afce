package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.CertificatePem;
import ir.nix.deploy.cli.NixCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo store (embedded H2): the running bus chains every record and signs checkpoints with its
 * key, and {@code nix-bus verify} run beside it (same database, own connection) finds the chain intact
 * or names a forged checkpoint. Modified, deleted and inserted records: {@link TrafficChainPostgresTest}.
 */
class TrafficChainTest extends BusUnderTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    @Autowired
    BusSigner signer;
    @Autowired
    DataSource dataSource;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${nix.node}")
    String node;

    @Test
    void chainsEveryRecordAndFindsTheChainIntact() throws Exception {
        List<Long> seqs = anchoredExchanges(4);
        Path certificate = Files.writeString(DATA_DIR.resolve("bus.pem"), CertificatePem.encode(signer.certificate()));

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NixCli.execute(new PrintWriter(out), new PrintWriter(err), "verify", "--db-url", url, "--db-user", "nix",
                "--db-password=", "--certificate", certificate.toString());

        assertThat(code).as(out.toString() + err).isZero();
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(out.toString()).contains("node " + node + ": intact", "RESULT: INTACT");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void namesACheckpointWhoseSignatureWasReplaced() {
        long seq = anchoredExchanges(1).get(0);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Long anchor = jdbc.queryForObject("SELECT MIN(chain_seq) FROM traffic_checkpoint WHERE chain_node = ? AND chain_seq >= ?",
                Long.class, node, seq);
        byte[] signature = jdbc.queryForObject("SELECT signature FROM traffic_checkpoint WHERE chain_node = ? AND chain_seq = ?",
                byte[].class, node, anchor);
        byte[] forged = signature.clone();
        forged[forged.length - 3] ^= 0x01;
        jdbc.update("UPDATE traffic_checkpoint SET signature = ? WHERE chain_node = ? AND chain_seq = ?", forged, node, anchor);
        try {
            StringWriter out = new StringWriter();
            int code = NixCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "verify", "--db-url", url,
                    "--db-user", "nix", "--db-password=");

            assertThat(code).as(out.toString()).isEqualTo(1);
            assertThat(out.toString()).contains("FORGED_CHECKPOINT at seq " + anchor, "RESULT: BROKEN");
        } finally {
            jdbc.update("UPDATE traffic_checkpoint SET signature = ? WHERE chain_node = ? AND chain_seq = ?", signature, node, anchor);
        }
    }

    private List<Long> anchoredExchanges(int count) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply reply = inquire("shahkar", "MOE", SHAHKAR);
            seqs.add(await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForList(
                    "SELECT chain_seq FROM traffic_record WHERE tracking_id = ?", Long.class, reply.trackingHeader()),
                    found -> !found.isEmpty()).get(0));
        }
        long last = seqs.get(seqs.size() - 1);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT MAX(chain_seq) FROM traffic_checkpoint WHERE chain_node = ?", Long.class, node),
                anchored -> anchored != null && anchored >= last);
        return seqs;
    }
}
