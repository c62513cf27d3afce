package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.traffic.TrafficPartitions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The production store: Flyway schema on PostgreSQL, daily partitions kept ahead. */
class PostgresStoreTest extends PostgresBusUnderTest {

    @Autowired
    TrafficPartitions partitions;

    @Test
    void keepsDailyPartitionsFromYesterdayToAWeekAhead() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyyMMdd");

        assertThat(partitions.partitionNames())
                .contains("traffic_record_" + day.format(today.minusDays(1)), "traffic_record_" + day.format(today),
                        "traffic_record_" + day.format(today.plusDays(7)));
    }

    @Test
    void recordsAnExchangeInPostgres() throws Exception {
        Reply reply = inquire("shahkar", "MOE", "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}");

        assertThat(trafficRecord(reply.trackingHeader()).path("outcome").asString()).isEqualTo("OK");
        assertThat(recordsPerTrackingId(java.util.List.of(reply.trackingHeader()))).containsValue(1);
    }
}
