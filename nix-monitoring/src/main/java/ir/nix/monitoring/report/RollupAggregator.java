package ir.nix.monitoring.report;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code traffic_rollup} current: aggregates each closed Asia/Tehran clock hour of
 * {@code traffic_record} into one row per (consumer, provider, service, outcome, channel) with a
 * latency histogram, so that a month's report sums a few hundred thousand rollup rows instead of
 * tens of millions of records.
 *
 * <p>Correct across restarts and nodes because every step is idempotent: an hour is always replaced by
 * a fresh aggregation of all its records ({@code INSERT … ON CONFLICT DO UPDATE} / {@code MERGE}), and
 * {@code traffic_rollup_progress.complete_before} only moves forward, in the same transaction as the
 * hour it vouches for. A node that restarts carries on from there; two nodes aggregating the same hour
 * write the same rows (on PostgreSQL the second skips it, on a transaction advisory lock). Records that
 * reach the store after their hour closed are taken in by re-aggregating the last
 * {@code nix.reports.rollup-recheck} hours whenever a new hour closes, and by {@link #rebuild} beyond that.
 * Hours of Tehran time start at half past a UTC hour, so Tehran days are whole sets of them.
 */
public class RollupAggregator {

    private static final Logger LOG = LoggerFactory.getLogger(RollupAggregator.class);
    private static final long LOCK_KEY = 0x4E49585F524F4CL; // "NIX_ROL"
    /** One run's share of a long backlog (a first start over months of records): the scheduler stays free. */
    private static final long MAX_HOURS_PER_RUN = 168;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ReportProperties properties;
    private final Clock clock;
    private final RollupSql.Dialect dialect;
    private final String upsert;

    public RollupAggregator(JdbcTemplate jdbc, TransactionTemplate transactions, ReportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.dialect = dialect(jdbc);
        this.upsert = RollupSql.upsertHour(dialect);
    }

    static RollupSql.Dialect dialect(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return "PostgreSQL".equalsIgnoreCase(product) ? RollupSql.Dialect.POSTGRESQL : RollupSql.Dialect.H2;
    }

    /** Aggregates the hours closed since the last run; called on a schedule. @return hours aggregated */
    public int catchUp() {
        Instant closedBefore = closedBefore();
        Optional<Instant> progress = completeBefore();
        Instant first = progress.or(this::firstRecordHour).orElse(closedBefore);
        if (!first.isBefore(closedBefore)) {
            advance(closedBefore);
            return 0;
        }
        Instant recheckFrom = progress.map(p -> TehranHours.floor(p.minus(properties.rollupRecheck()))).orElse(first);
        Instant until = first.plus(MAX_HOURS_PER_RUN, ChronoUnit.HOURS);
        return aggregate(recheckFrom, until.isBefore(closedBefore) ? until : closedBefore, false);
    }

    /**
     * Re-aggregates the closed hours in {@code [from, to)} (an operator's repair after a long store
     * outage); hours still open are left to the schedule. Leaves the progress where it is: hours at or
     * after it are read from the records anyway. @return hours aggregated
     */
    public int rebuild(Instant from, Instant to) {
        Instant end = TehranHours.ceil(to);
        Instant closedBefore = closedBefore();
        return aggregate(TehranHours.floor(from), end.isBefore(closedBefore) ? end : closedBefore, true);
    }

    private Instant closedBefore() {
        return TehranHours.floor(clock.instant().minus(properties.rollupGrace()));
    }

    /** @param repair wait for another node's run instead of leaving the hours to it, and keep the progress */
    private int aggregate(Instant from, Instant to, boolean repair) {
        int hours = 0;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
            if (!aggregateHour(hour, repair)) {
                LOG.debug("another node is aggregating traffic hours; leaving {} onwards to it", hour);
                break;
            }
            hours++;
        }
        return hours;
    }

    private boolean aggregateHour(Instant hour, boolean repair) {
        Instant end = hour.plus(1, ChronoUnit.HOURS);
        Boolean done = transactions.execute(status -> {
            if (!lock(repair)) {
                return false;
            }
            jdbc.update(upsert, utc(hour), TehranHours.day(hour), utc(hour), utc(end));
            if (!repair) {
                advanceTo(end);
            }
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** On PostgreSQL, one node aggregates at a time (the others skip, or wait when repairing); H2 is one node. */
    private boolean lock(boolean wait) {
        if (dialect != RollupSql.Dialect.POSTGRESQL) {
            return true;
        }
        if (wait) {
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
            return true;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY));
    }

    private void advance(Instant closedBefore) {
        transactions.executeWithoutResult(status -> advanceTo(closedBefore));
    }

    private void advanceTo(Instant completeBefore) {
        jdbc.update(RollupSql.ADVANCE, utc(completeBefore), utc(completeBefore));
    }

    /** Every hour before this instant is in the rollup; empty before the first run. */
    public Optional<Instant> completeBefore() {
        return Optional.ofNullable(jdbc.queryForObject(RollupSql.PROGRESS, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private Optional<Instant> firstRecordHour() {
        return Optional.ofNullable(jdbc.queryForObject(RollupSql.FIRST_RECORD, OffsetDateTime.class))
                .map(first -> TehranHours.floor(first.toInstant()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
