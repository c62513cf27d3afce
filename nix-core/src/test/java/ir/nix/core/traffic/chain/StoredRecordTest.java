package ir.nix.core.traffic.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.traffic.TrafficColumn;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.tracking.TrackingId;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed record, its stored row and the chain's canonical form agree field by field. */
class StoredRecordTest {

    @TempDir
    Path dataDir;

    @Test
    void readsBackEveryFieldAsItWasStored() {
        ChainFixture fixture = new ChainFixture(dataDir);
        TrafficRecord full = new TrafficRecord(TrackingId.next(), TrackingId.next(), "moe-42",
                CanonicalFormTest.PERMITTED.channel(), CanonicalFormTest.MOE, CanonicalFormTest.CRA, CanonicalFormTest.SHAHKAR,
                "1", "grant-moe-shahkar", "WG-26/1400-08-18", "2026.11", "ab".repeat(32),
                CanonicalFormTest.PERMITTED.decision(), CanonicalFormTest.PERMITTED.outcome(), 200,
                CanonicalFormTest.PERMITTED.receivedAt(), CanonicalFormTest.PERMITTED.forwardedAt(),
                CanonicalFormTest.PERMITTED.forwardedAt().plusMillis(30), 81_234, 40_000L, 61, 120, "nix-t",
                "cd".repeat(32), "token-1", "UNREGISTERED", 7);

        fixture.chain.append(List.of(full));

        assertThat(fixture.store.find(full.trackingId().toString())).contains(full);
    }

    @Test
    void hashesARowAsStoredExactlyAsTheRecordItCameFrom() {
        ChainFixture fixture = new ChainFixture(dataDir);
        List<TrafficRecord> records = fixture.records(2);
        TrafficRecord form1 = records.get(0);
        TrafficRecord form2 = records.get(1).withReason("EXPIRED").withItemCount(3);
        fixture.chain.append(List.of(form1, form2));

        List<List<Object>> stored = fixture.jdbc.query("SELECT " + TrafficColumn.NAMES + " FROM traffic_record ORDER BY chain_seq",
                (row, n) -> TrafficColumn.values(row));

        assertThat(CanonicalForm.of(ChainFixture.NODE, 1, stored.get(0))).isEqualTo(CanonicalForm.of(ChainFixture.NODE, 1, form1));
        assertThat(CanonicalForm.of(ChainFixture.NODE, 2, stored.get(1))).isEqualTo(CanonicalForm.of(ChainFixture.NODE, 2, form2));
    }
}
