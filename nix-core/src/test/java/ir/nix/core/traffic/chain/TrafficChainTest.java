package ir.nix.core.traffic.chain;

import ir.nix.core.node.NodeProperties;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.traffic.TrafficRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficChainTest {

    @TempDir
    Path dataDir;
    ChainFixture fixture;

    @BeforeEach
    void store() {
        fixture = new ChainFixture(dataDir);
    }

    private List<Long> storedSeqs() {
        return fixture.jdbc.queryForList("SELECT chain_seq FROM traffic_record ORDER BY chain_seq", Long.class);
    }

    @Test
    void numbersRecordsOneByOneInArrivalOrder() {
        fixture.append(7, 3);

        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(fixture.chain.head()).get().extracting(ChainLink::seq).isEqualTo(7L);
    }

    @Test
    void chainsARedeliveredBatchOnlyOnce() {
        List<TrafficRecord> batch = fixture.records(4);
        fixture.chain.append(batch.subList(0, 2));

        int stored = fixture.chain.append(batch);

        assertThat(stored).isEqualTo(2);
        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void dropsATrackingIdRepeatedWithinOneBatch() {
        TrafficRecord record = fixture.records(1).get(0);

        assertThat(fixture.chain.append(List.of(record, record))).isEqualTo(1);
        assertThat(storedSeqs()).containsExactly(1L);
    }

    @Test
    void continuesFromTheStoredHeadAfterARestart() throws Exception {
        fixture.append(3, 3);
        fixture.chain = new TrafficChain(fixture.jdbc, fixture.store, fixture.chainStore, NodeProperties.named(ChainFixture.NODE));

        fixture.chain.append(fixture.records(2));

        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(fixture.verify().intact()).isTrue();
    }

    @Test
    void leavesTheHeadUnmovedWhenTheStoreRefusesTheBatch() {
        fixture.append(2, 2);
        fixture.jdbc.execute("ALTER TABLE traffic_record ADD CONSTRAINT no_errors CHECK (outcome <> 'PROVIDER_ERROR')");

        List<TrafficRecord> batch = fixture.records(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fixture.chain.append(batch)).isInstanceOf(RuntimeException.class);
        fixture.jdbc.execute("ALTER TABLE traffic_record DROP CONSTRAINT no_errors");
        fixture.chain.append(batch);

        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void signsTheHeadOnlyWhenItMoved() {
        fixture.append(4, 4);

        Checkpoint first = fixture.checkpoints.checkpoint().orElseThrow();
        assertThat(fixture.checkpoints.checkpoint()).isEmpty();
        fixture.append(3, 3);
        Checkpoint second = fixture.checkpoints.checkpoint().orElseThrow();

        assertThat(first.seq()).isEqualTo(4);
        assertThat(first.recordCount()).isEqualTo(4);
        assertThat(second.seq()).isEqualTo(7);
        assertThat(second.recordCount()).isEqualTo(3);
        assertThat(second.headHash()).isEqualTo(fixture.chain.head().orElseThrow().hash());
    }
}
