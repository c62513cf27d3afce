package ir.nix.it;

import ir.nix.policy.calendar.Tehran;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import ir.nix.monitoring.access.Role;
import ir.nix.monitoring.access.Viewer;
import ir.nix.monitoring.report.Dimension;
import ir.nix.monitoring.report.ExchangeReport;
import ir.nix.monitoring.report.ExchangeReports;
import ir.nix.monitoring.report.ReportCalendar;
import ir.nix.monitoring.report.ReportPeriod;
import ir.nix.monitoring.report.ReportProperties;
import ir.nix.monitoring.report.RollupAggregator;
import ir.nix.monitoring.figures.AgencyNames;
import ir.nix.policy.active.ActivePolicy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The exchange-report benchmark (not part of the suite): tens of millions of synthetic traffic records
 * generated straight into PostgreSQL with {@code generate_series}, the rollup built over them, and a
 * month's report timed. Run it with
 * <pre>
 *   mvn -o -pl integration-tests test -Dtest=ReportBenchmarkTest -Dnix.benchmark.reports=true \
 *       [-Dnix.benchmark.rows=20000000]
 * </pre>
 * It uses its own database ({@code nix_bench}, recreated) on 127.0.0.1:5432 and prints the figures.
 */
@EnabledIfSystemProperty(named = "nix.benchmark.reports", matches = "true")
class ReportBenchmarkTest {

    /** Jalali Mehr 1405: 2026-09-23 .. 2026-10-22, thirty Tehran days. */
    static final LocalDate FIRST = LocalDate.parse("2026-09-23");
    static final LocalDate LAST = LocalDate.parse("2026-10-22");
    static final long ROWS = Long.getLong("nix.benchmark.rows", 20_000_000L);

    @Test
    void answersAMonthOverTensOfMillionsOfRecordsFromTheRollup() throws Exception {
        String database = Postgres.freshDatabase("nix_bench");
        DriverManagerDataSource store = new DriverManagerDataSource(Postgres.url(database), Postgres.USER, "");
        Flyway.configure().dataSource(store).locations("classpath:db/migration/postgresql").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(store);

        long loadMillis = time(() -> load(database));
        RollupAggregator rollup = new RollupAggregator(jdbc, new TransactionTemplate(new DataSourceTransactionManager(store)),
                new ReportProperties(1100, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(6)), Clock.systemUTC());
        long rollupMillis = time(() -> {
            while (rollup.catchUp() > 0) {
                // a week of hours per run, until the rollup has caught up with the records
            }
        });
        ExchangeReports reports = new ExchangeReports(jdbc, rollup,
                new AgencyNames(new DefaultListableBeanFactory().getBeanProvider(ActivePolicy.class)), Clock.systemUTC(), "bench");
        ReportPeriod month = ReportPeriod.parse("1405/07/01", "1405/07/30", ReportCalendar.JALALI, 1100).orElseThrow();

        report(reports, month, "consumer,provider,service,outcome", Viewer.of(Role.AUDITOR));   // warm the caches once
        Timed full = timed(() -> report(reports, month, "consumer,provider,service,outcome", Viewer.of(Role.AUDITOR)));
        Timed daily = timed(() -> report(reports, month, "service,day", Viewer.of(Role.AUDITOR)));
        Timed agency = timed(() -> report(reports, month, "provider,service,outcome", Viewer.agency(new AgencyCode("MOE"))));
        Timed raw = timed(() -> jdbc.queryForList("SELECT consumer, provider, service, outcome, COUNT(*), "
                + "percentile_cont(0.99) WITHIN GROUP (ORDER BY total_micros) FROM traffic_record "
                + "WHERE received_at >= ? AND received_at < ? GROUP BY 1, 2, 3, 4",
                month.start().atOffset(java.time.ZoneOffset.UTC), month.end().atOffset(java.time.ZoneOffset.UTC)));
        Long rollupRows = jdbc.queryForObject("SELECT COUNT(*) FROM traffic_rollup", Long.class);

        System.out.printf("%nREPORT BENCHMARK: %,d records over %s..%s%n", ROWS, FIRST, LAST);
        System.out.printf("  load (generate_series):            %,d ms%n", loadMillis);
        System.out.printf("  rollup build (%,d rollup rows):   %,d ms%n", rollupRows, rollupMillis);
        System.out.printf("  month, by consumer/provider/service/outcome: %,d ms (%d rows)%n", full.millis(), full.report().rows().size());
        System.out.printf("  month, by service and day:                   %,d ms (%d rows)%n", daily.millis(), daily.report().rows().size());
        System.out.printf("  month, agency MOE:                           %,d ms (%d rows)%n", agency.millis(), agency.report().rows().size());
        System.out.printf("  the same month straight from traffic_record (GROUP BY + p99): %,d ms%n%n", raw.millis());

        assertThat(full.report().totals().exchanges()).isEqualTo(ROWS);
        assertThat(full.millis()).isLessThan(3_000);
    }

    record Timed(long millis, ExchangeReport report) {
    }

    static Timed timed(Supplier<Object> work) {
        long start = System.nanoTime();
        Object result = work.get();
        return new Timed((System.nanoTime() - start) / 1_000_000, result instanceof ExchangeReport report ? report : null);
    }

    static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    static ExchangeReport report(ExchangeReports reports, ReportPeriod period, String groupBy, Viewer viewer) {
        return reports.report(new ExchangeReports.Query(period, Dimension.parseList(groupBy).orElseThrow(), Map.of()), viewer);
    }

    /**
     * {@code ROWS} records spread evenly over the month: 12 consumers, each calling all 5 services and their providers,
     * 10% SOAP, outcomes 90% OK, 3% NOT_FOUND, 3% NO_GRANT, 1% each QUOTA_EXCEEDED, INVALID_INPUT,
     * PROVIDER_TIMEOUT, PROVIDER_ERROR; latencies spread from 2 ms to about 1 s. Indexes the bus does not
     * need for reports are dropped first, so loading takes minutes rather than an hour.
     */
    static void load(String database) {
        try (Connection db = Postgres.connect(database); Statement sql = db.createStatement()) {
            for (String index : new String[] {"traffic_record_consumer", "traffic_record_provider", "traffic_record_tracking",
                "traffic_record_chain", "traffic_record_subject"}) {
                sql.execute("DROP INDEX IF EXISTS " + index);
            }
            for (LocalDate day = FIRST.minusDays(1); !day.isAfter(LAST); day = day.plusDays(1)) {
                sql.execute("CREATE TABLE traffic_record_" + DateTimeFormatter.BASIC_ISO_DATE.format(day)
                        + " PARTITION OF traffic_record FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            }
            String start = FIRST.atStartOfDay(Tehran.ZONE).toInstant().toString();
            long seconds = Duration.between(FIRST.atStartOfDay(Tehran.ZONE), LAST.plusDays(1).atStartOfDay(Tehran.ZONE)).toSeconds();
            long chunk = 1_000_000;
            for (long from = 1; from <= ROWS; from += chunk) {
                sql.execute("INSERT INTO traffic_record (tracking_id, channel, consumer, provider, service, decision, outcome, status, "
                        + "received_at, total_micros, provider_micros, request_bytes, reply_bytes, bus_node) "
                        + "SELECT 'bench-' || g, CASE WHEN h4 % 10 = 0 THEN 'SOAP' ELSE 'REST' END, "
                        + "(ARRAY['MOE','IHIO','IRCS','IKRF','IPO','CBI','JUD','POLICE','MSRT','TVTO','SSO','POST'])[1 + (h1 % 12)::int], "
                        + "(ARRAY['CRA','POST','NOCR','SSO','IPO'])[1 + (h2 % 5)::int], "
                        + "(ARRAY['shahkar','postal-address','identity','insurance-list','privatization-status'])[1 + (h2 % 5)::int], "
                        + "CASE WHEN o < 93 OR o >= 96 THEN 'PERMIT' ELSE 'DENY' END, "
                        + "CASE WHEN o < 90 THEN 'OK' WHEN o < 93 THEN 'NOT_FOUND' WHEN o < 96 THEN 'NO_GRANT' WHEN o < 97 THEN 'QUOTA_EXCEEDED' "
                        + "WHEN o < 98 THEN 'INVALID_INPUT' WHEN o < 99 THEN 'PROVIDER_TIMEOUT' ELSE 'PROVIDER_ERROR' END, 200, "
                        + "TIMESTAMPTZ '" + start + "' + make_interval(secs => (g - 1) * " + seconds + "::float8 / " + ROWS + "), "
                        + "2000 + h4 % 60000 + CASE WHEN h4 % 97 = 0 THEN 900000 ELSE 0 END, 1500 + h4 % 50000, 120, 80, 'bench' "
                        // Independent pseudo-random draws per record (Lehmer generators), so every consumer meets every
                        // service and outcome each hour: the rollup's worst case, not the few pairs real grants allow.
                        + "FROM (SELECT g, (g * 48271) % 2147483647 AS h1, (g * 69621) % 2147483647 AS h2, "
                        + "((g * 16807) % 2147483647) % 100 AS o, (g * 39373) % 2147483647 AS h4 "
                        + "FROM generate_series(" + from + "::bigint, " + Math.min(ROWS, from + chunk - 1) + "::bigint) g) s");
            }
            sql.execute("ANALYZE traffic_record");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
