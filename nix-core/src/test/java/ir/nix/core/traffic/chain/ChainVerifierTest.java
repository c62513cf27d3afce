package ir.nix.core.traffic.chain;

import ir.nix.core.node.NodeProperties;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.CertificatePem;
import ir.nix.core.signing.SigningProperties;
import ir.nix.core.traffic.TrafficRecord;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ten anchored records (checkpoints at 6 and 10) and three not yet anchored, then one tampering per test. */
class ChainVerifierTest {

    @TempDir
    Path dataDir;
    ChainFixture fixture;

    @BeforeEach
    void chainWithCheckpoints() {
        fixture = new ChainFixture(dataDir);
        fixture.append(6, 4);
        fixture.checkpoints.checkpoint();
        fixture.append(4, 4);
        fixture.checkpoints.checkpoint();
        fixture.append(3, 2);
    }

    private ChainBreak breakFound() throws SQLException {
        ChainReport report = fixture.verify();
        assertThat(report.intact()).as("the tampering is detected").isFalse();
        return report.chainBreak().orElseThrow();
    }

    private void insertRow(TrafficRecord record, Long seq, String hash) {
        fixture.jdbc.update("INSERT INTO traffic_record (tracking_id, channel, decision, outcome, status, received_at, total_micros, "
                        + "request_bytes, reply_bytes, bus_node, chain_node, chain_seq, chain_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                record.trackingId().toString(), record.channel().name(), record.decision().name(), record.outcome().name(), record.status(),
                record.receivedAt().atOffset(ZoneOffset.UTC), record.totalMicros(), record.requestBytes(), record.replyBytes(),
                record.busNode(), seq == null ? null : ChainFixture.NODE, seq, hash);
    }

    @Test
    void reportsAnIntactChainWithItsAnchoredAndUnanchoredParts() throws SQLException {
        ChainReport report = fixture.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(13);
        assertThat(report.firstSeq()).isEqualTo(1);
        assertThat(report.lastSeq()).isEqualTo(13);
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.lastAnchoredSeq()).isEqualTo(10);
        assertThat(report.unanchored()).isEqualTo(3);
        assertThat(report.signers()).singleElement().asString().contains(CertificatePem.fingerprint(fixture.signer.certificate()));
    }

    @Test
    void namesAModifiedRecord() throws SQLException {
        fixture.jdbc.update("UPDATE traffic_record SET outcome = 'NO_GRANT' WHERE chain_seq = 4");

        ChainBreak found = breakFound();

        assertThat(found.kind()).isEqualTo(ChainBreak.Kind.MODIFIED);
        assertThat(found.seq()).isEqualTo(4);
        assertThat(found.trackingId()).isEqualTo(fixture.trackingIdAt(4));
    }

    @ParameterizedTest(name = "{1} at seq {2} after {0}")
    @CsvSource(delimiter = '|', value = {
            "UPDATE traffic_record SET status = 299 WHERE chain_seq = 11       | MODIFIED           | 11",
            "UPDATE traffic_record SET outcome = 'NOT_A_CODE' WHERE chain_seq = 3 | MODIFIED        | 3",
            "UPDATE traffic_record SET consumer = 'moe' WHERE chain_seq = 8    | MODIFIED           | 8",
            "DELETE FROM traffic_record WHERE chain_seq = 5                    | DELETED            | 5",
            "DELETE FROM traffic_record WHERE chain_seq >= 9                   | DELETED            | 9",
            "UPDATE traffic_checkpoint SET signature = X'3003010203' WHERE chain_seq = 6 | FORGED_CHECKPOINT | 6",
            "DELETE FROM traffic_checkpoint WHERE chain_seq = 6                | MISSING_CHECKPOINT | 10"})
    void namesTheFirstBreak(String tampering, ChainBreak.Kind kind, long seq) throws SQLException {
        fixture.jdbc.update(tampering);

        assertThat(breakFound()).extracting(ChainBreak::kind, ChainBreak::seq).containsExactly(kind, seq);
    }

    @Test
    void namesARowWithoutChainFields() throws SQLException {
        TrafficRecord forged = fixture.records(1).get(0);
        insertRow(forged, null, null);

        ChainBreak found = breakFound();

        assertThat(found.kind()).isEqualTo(ChainBreak.Kind.INSERTED);
        assertThat(found.trackingId()).isEqualTo(forged.trackingId().toString());
    }

    /** 3: a second row at an anchored position; 14: a row appended past the last checkpoint that does not chain. */
    @ParameterizedTest
    @ValueSource(longs = {3, 14})
    void namesARowForgedAtAChainPosition(long seq) throws SQLException {
        fixture.jdbc.execute("DROP INDEX traffic_record_chain");  // as on PostgreSQL, where it cannot be unique
        TrafficRecord forged = fixture.records(1).get(0);
        insertRow(forged, seq, "e".repeat(64));

        ChainBreak found = breakFound();

        assertThat(found.kind()).isEqualTo(ChainBreak.Kind.INSERTED);
        assertThat(found.seq()).isEqualTo(seq);
        assertThat(found.trackingId()).isEqualTo(forged.trackingId().toString());
    }

    @Test
    void refusesACheckpointReSignedWithAnotherKeyOnlyWhenGivenTheBusCertificate() throws SQLException {
        BusSigner forger = new BusSigner(new SigningProperties(null, "nix-bus", "nix-bus"), new NodeProperties("nix-t", dataDir.resolve("forger")));
        Checkpoint checkpoint = new Checkpoint(ChainFixture.NODE, 10, fixture.jdbc.queryForObject(
                "SELECT head_hash FROM traffic_checkpoint WHERE chain_seq = 10", String.class), 4,
                fixture.jdbc.queryForObject("SELECT created_at FROM traffic_checkpoint WHERE chain_seq = 10", java.time.OffsetDateTime.class).toInstant());
        fixture.jdbc.update("UPDATE traffic_checkpoint SET signature = ?, signer_certificate = ? WHERE chain_seq = 10",
                forger.signDetached(checkpoint.canonicalText()), CertificatePem.encode(forger.certificate()));

        ChainReport selfVouched = fixture.verify(new ChainVerifier.Scope(null, null, null), List.of());
        ChainReport trusted = fixture.verify();

        assertThat(selfVouched.intact()).isTrue();
        assertThat(selfVouched.signers()).hasSize(2);
        assertThat(trusted.chainBreak()).get().extracting(ChainBreak::kind, ChainBreak::seq)
                .containsExactly(ChainBreak.Kind.FORGED_CHECKPOINT, 10L);
    }

    @Test
    void namesAChainRecomputedAfterADeletion() throws SQLException {
        fixture.jdbc.update("DELETE FROM traffic_record WHERE chain_seq = 5");
        fixture.jdbc.update("UPDATE traffic_record SET chain_seq = chain_seq - 1 WHERE chain_seq > 5");
        recomputeFrom(5);

        ChainBreak found = breakFound();

        assertThat(found.kind()).isEqualTo(ChainBreak.Kind.REWRITTEN);
        assertThat(found.seq()).isEqualTo(6);
    }

    @Test
    void verifiesARangeFromTheStoredHashBeforeIt() throws SQLException {
        fixture.jdbc.update("UPDATE traffic_record SET outcome = 'NO_GRANT' WHERE chain_seq = 2");

        ChainReport report = fixture.verify(new ChainVerifier.Scope(ChainFixture.NODE, 5L, 12L), List.of(fixture.signer.certificate()));

        assertThat(report.intact()).isTrue();
        assertThat(report.records()).isEqualTo(8);
        assertThat(report.checkpoints()).isEqualTo(2);
        assertThat(report.unanchored()).isEqualTo(2);
    }

    @Test
    void saysSoWhenTheRangeEndsBeforeTheCheckpointThatAnchorsIt() throws SQLException {
        ChainReport report = fixture.verify(new ChainVerifier.Scope(ChainFixture.NODE, null, 8L), List.of(fixture.signer.certificate()));

        assertThat(report.intact()).isTrue();
        assertThat(report.lastAnchoredSeq()).isEqualTo(6);
        assertThat(report.unanchored()).isZero();
        assertThat(report.notes()).singleElement().asString().contains("checkpoint at seq 10");
    }

    @Test
    void startsAtTheOldestStoredRecordWhenRetentionDroppedTheFirst() throws SQLException {
        fixture.jdbc.update("DELETE FROM traffic_record WHERE chain_seq <= 3");

        ChainReport report = fixture.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.firstSeq()).isEqualTo(4);
        assertThat(report.notes()).singleElement().asString().contains("past retention");
    }

    /** What a forger with write access does: re-hash every record from {@code seq} on, so the chain holds again. */
    private void recomputeFrom(long seq) {
        String previous = fixture.jdbc.queryForObject("SELECT chain_hash FROM traffic_record WHERE chain_seq = ?", String.class, seq - 1);
        List<TrafficRecord> records = fixture.jdbc.query("SELECT " + ir.nix.core.traffic.TrafficStore.COLUMNS
                + " FROM traffic_record WHERE chain_seq >= ? ORDER BY chain_seq", ir.nix.core.traffic.TrafficStore::read, seq);
        ChainLink link = new ChainLink(ChainFixture.NODE, seq - 1, previous);
        for (TrafficRecord record : records) {
            link = link.next(record);
            fixture.jdbc.update("UPDATE traffic_record SET chain_hash = ? WHERE tracking_id = ?", link.hash(), record.trackingId().toString());
        }
    }
}
