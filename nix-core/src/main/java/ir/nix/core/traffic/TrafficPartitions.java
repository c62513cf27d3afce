package ir.nix.core.traffic;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps PostgreSQL's daily traffic partitions ahead of time and drops those past retention.
 * Days are UTC days. On H2 (no partitioning) retention is a plain delete of old rows.
 */
@Component
public class TrafficPartitions {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficPartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PARTITION_PREFIX = "traffic_record_";

    private final JdbcTemplate jdbc;
    private final TrafficProperties properties;
    private final Clock clock;
    private final boolean postgres;

    public TrafficPartitions(JdbcTemplate jdbc, TrafficProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.postgres = "PostgreSQL".equalsIgnoreCase(
                jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName()));
        maintain();
    }

    /** Hourly: cheap (a few catalogue queries), and a missed run still leaves days of partitions ahead. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    public void maintain() {
        LocalDate today = LocalDate.now(clock);
        if (postgres) {
            for (int day = -1; day <= properties.partitionsAhead(); day++) {
                ensurePartition(today.plusDays(day));
            }
            dropPartitionsBefore(today.minusDays(properties.retentionDays()));
        } else {
            jdbc.update("DELETE FROM traffic_record WHERE received_at < ?",
                    today.minusDays(properties.retentionDays()).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
    }

    void ensurePartition(LocalDate day) {
        String name = PARTITION_PREFIX + SUFFIX.format(day);
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF traffic_record FOR VALUES FROM ('"
                + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
    }

    void dropPartitionsBefore(LocalDate firstKept) {
        List<String> partitions = partitionNames();
        String limit = PARTITION_PREFIX + SUFFIX.format(firstKept);
        for (String partition : partitions) {
            if (partition.matches(PARTITION_PREFIX + "\\d{8}") && partition.compareTo(limit) < 0) {
                jdbc.execute("DROP TABLE " + partition);
                LOG.info("dropped traffic partition {} (retention {} days)", partition, properties.retentionDays());
            }
        }
    }

    public List<String> partitionNames() {
        if (!postgres) {
            return List.of();
        }
        return jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'traffic_record' ORDER BY 1", String.class);
    }
}
