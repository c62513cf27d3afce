package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficStore;
import ir.nix.core.traffic.chain.ChainLink;
import ir.nix.core.traffic.chain.ChainedRecord;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The traffic store's batches on PostgreSQL go as one {@code COPY}: every value comes back as it was written
 * (nulls, text with COPY's special characters, microsecond instants), and a tracking ID already stored fails the
 * batch as the batch insert did, which is what the chain's redelivery handling relies on.
 */
class PostgresCopyTest {

    static final String DATABASE = Postgres.freshDatabase("nix_copy");
    static JdbcTemplate jdbc;
    static TrafficStore store;

    @BeforeAll
    static void migrate() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(Postgres.url(DATABASE), Postgres.USER, "", true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/postgresql").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE traffic_record_any PARTITION OF traffic_record DEFAULT");
        store = new TrafficStore(jdbc);
    }

    @Test
    void storesEveryValueAsItWasWritten() {
        TrafficRecord plain = record(null, null, null);
        TrafficRecord odd = record("req\t1\\x", "two\nlines\r\n, a tab\t, a \\N", 3);

        int[] rows = store.insert(List.of(chained(plain, 1), chained(odd, 2)));

        assertThat(rows).containsExactly(1, 1);
        assertThat(store.find(plain.trackingId().toString())).contains(plain);
        assertThat(store.find(odd.trackingId().toString())).contains(odd);
        assertThat(jdbc.queryForList("SELECT chain_seq FROM traffic_record WHERE tracking_id IN (?, ?) ORDER BY chain_seq",
                Long.class, plain.trackingId().toString(), odd.trackingId().toString())).containsExactly(1L, 2L);
    }

    @Test
    void refusesTheWholeBatchWhenATrackingIdIsAlreadyStored() {
        TrafficRecord stored = record(null, null, null);
        TrafficRecord fresh = record(null, null, null);
        store.insert(List.of(chained(stored, 10)));

        assertThatThrownBy(() -> store.insert(List.of(chained(fresh, 11), chained(stored, 12))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.find(fresh.trackingId().toString())).isEmpty();
    }

    private static ChainedRecord chained(TrafficRecord record, long seq) {
        return new ChainedRecord(record, new ChainLink("nix-copy", seq, "ab".repeat(32)));
    }

    private static TrafficRecord record(String callerRequestId, String reason, Integer items) {
        Instant received = Instant.parse("2026-12-03T10:15:30.123456Z");
        return new TrafficRecord(TrackingId.next(), TrackingId.next(), callerRequestId, Channel.SOAP, new AgencyCode("MOE"),
                new AgencyCode("CRA"), new ServiceCode("shahkar"), "1", "wg26-moe-shahkar", "WG-26/1400-08-18", "bench",
                "0".repeat(64), PolicyVerdict.DENY, OutcomeCode.OK, 403, received, null, received.plusNanos(2_000),
                1_500, null, 52, 98, "nix-copy", null, "tok", reason, items);
    }
}
