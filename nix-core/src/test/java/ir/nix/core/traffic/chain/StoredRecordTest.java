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
                "cd".repeat(32), "token-1");

        fixture.chain.append(List.of(full));

        assertThat(fixture.store.find(full.trackingId().toString())).contains(full);
    }

    @Test
    void hashesARowAsStoredExactlyAsTheRecordItCameFrom() {
        ChainFixture fixture = new ChainFixture(dataDir);
        TrafficRecord record = fixture.records(1).get(0);
        fixture.chain.append(List.of(record));

        List<Object> stored = fixture.jdbc.query("SELECT " + TrafficColumn.NAMES + " FROM traffic_record",
                (row, n) -> TrafficColumn.values(row)).get(0);

        assertThat(CanonicalForm.of(ChainFixture.NODE, 1, stored)).isEqualTo(CanonicalForm.of(ChainFixture.NODE, 1, record));
    }
}
