package ir.nix.monitoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import ir.nix.monitoring.access.Role;
import ir.nix.monitoring.access.Viewer;
import ir.nix.monitoring.figures.AgencyNames;
import ir.nix.policy.active.ActivePolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rollup and the reports on the embedded store (H2), with a fixed clock. */
class ExchangeReportsTest {

    /** 15:30 in Tehran on 1405/09/03: hours up to 15:00 Tehran (11:30 UTC) are closed and rolled up. */
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    JdbcTemplate jdbc;
    RollupAggregator rollup;
    ExchangeReports reports;

    @BeforeEach
    void emptyStore() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(h2);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        rollup = new RollupAggregator(jdbc, new TransactionTemplate(new DataSourceTransactionManager(h2)),
                new ReportProperties(1100, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(5),
                        java.time.Duration.ofHours(6)), clock);
        AgencyNames noNames = new AgencyNames(new DefaultListableBeanFactory().getBeanProvider(ActivePolicy.class));
        reports = new ExchangeReports(jdbc, rollup, noNames, clock, "nix-test");
    }

    void record(String consumer, String provider, String outcome, String receivedAt, long micros) {
        jdbc.update("INSERT INTO traffic_record (tracking_id, channel, consumer, provider, service, decision, outcome, status, "
                        + "received_at, total_micros, request_bytes, reply_bytes, bus_node) VALUES (?, 'REST', ?, ?, 'shahkar', ?, ?, 200, ?, ?, 10, 10, 'n')",
                UUID.randomUUID().toString(), consumer, provider, outcome.equals("NO_GRANT") ? "DENY" : "PERMIT", outcome,
                Instant.parse(receivedAt).atOffset(ZoneOffset.UTC), micros);
    }

    ExchangeReport report(String from, String to, ReportCalendar calendar, String groupBy, Viewer viewer) {
        return reports.report(new ExchangeReports.Query(ReportPeriod.parse(from, to, calendar, 1100).orElseThrow(),
                Dimension.parseList(groupBy).orElseThrow(), Map.of()), viewer);
    }

    void trafficOverTwoTehranDays() {
        record("MOE", "CRA", "OK", "2026-11-22T20:29:59Z", 4_000);      // 23:59:59 on 1405/09/01
        record("MOE", "CRA", "OK", "2026-11-22T20:30:00Z", 4_000);      // 00:00:00 on 1405/09/02
        record("IHIO", "CRA", "OK", "2026-11-23T08:00:00Z", 12_000);
        record("IRCS", "CRA", "NO_GRANT", "2026-11-23T09:00:00Z", 900);
        record("MOE", "CRA", "OK", "2026-11-24T11:45:00Z", 8_000);      // in the open hour: not rolled up yet
    }

    @Test
    void countsRolledUpAndNotYetRolledUpHoursExactlyOnce() {
        trafficOverTwoTehranDays();

        rollup.catchUp();
        rollup.catchUp();
        ExchangeReport report = report("2026-11-23", "2026-11-24", ReportCalendar.ISO, "consumer,outcome", Viewer.of(Role.AUDITOR));

        assertThat(report.rolledUpTo()).isEqualTo(Instant.parse("2026-11-24T11:30:00Z"));
        assertThat(report.totals().exchanges()).isEqualTo(4);
        assertThat(report.totals().answered()).isEqualTo(3);
        assertThat(report.totals().outcomes()).containsEntry("NO_GRANT", 1L);
        assertThat(report.rows()).extracting(row -> row.group().get("consumer") + "/" + row.group().get("outcome")
                + "=" + row.figures().exchanges()).containsExactly("IHIO/OK=1", "IRCS/NO_GRANT=1", "MOE/OK=2");
    }

    @Test
    void givesTheSameRowsForJalaliAndIsoNamesOfTheSameDays() {
        trafficOverTwoTehranDays();
        rollup.catchUp();

        ExchangeReport iso = report("2026-11-22", "2026-11-24", ReportCalendar.ISO, "service,day", Viewer.of(Role.OPERATOR));
        ExchangeReport jalali = report("1405/09/01", "1405/09/03", ReportCalendar.JALALI, "service,day", Viewer.of(Role.OPERATOR));

        assertThat(iso.rows()).extracting(row -> row.group().get("day") + "=" + row.figures().exchanges())
                .containsExactly("2026-11-22=1", "2026-11-23=3", "2026-11-24=1");
        assertThat(jalali.rows()).extracting(row -> row.group().get("day") + "=" + row.figures().exchanges())
                .containsExactly("1405/09/01=1", "1405/09/02=3", "1405/09/03=1");
        assertThat(jalali.totals()).isEqualTo(iso.totals());
    }

    @Test
    void groupsByJalaliMonth() {
        trafficOverTwoTehranDays();
        record("MOE", "CRA", "OK", "2026-11-21T10:00:00Z", 4_000);      // 1405/08/30, Aban

        ExchangeReport report = report("1405/08/01", "1405/09/30", ReportCalendar.JALALI, "month", Viewer.of(Role.AUDITOR));

        assertThat(report.rows()).extracting(row -> row.group().get("month") + "=" + row.figures().exchanges())
                .containsExactly("1405/08=1", "1405/09=5");
    }

    @Test
    void showsAnAgencyOnlyTheExchangesItTookPartIn() {
        trafficOverTwoTehranDays();
        rollup.catchUp();

        ExchangeReport moe = report("2026-11-22", "2026-11-24", ReportCalendar.ISO, "consumer", Viewer.agency(new AgencyCode("MOE")));
        ExchangeReport cra = report("2026-11-22", "2026-11-24", ReportCalendar.ISO, "consumer", Viewer.agency(new AgencyCode("CRA")));

        assertThat(moe.scope()).isEqualTo("MOE");
        assertThat(moe.rows()).extracting(row -> row.group().get("consumer")).containsExactly("MOE");
        assertThat(cra.rows()).extracting(row -> row.group().get("consumer")).containsExactly("IHIO", "IRCS", "MOE");
    }

    @Test
    void rebuildsHoursWithRecordsThatArrivedAfterTheRecheck() {
        trafficOverTwoTehranDays();
        rollup.catchUp();
        record("SSO", "CRA", "OK", "2026-11-23T01:10:00Z", 4_000);      // written long after its hour was rolled up

        ExchangeReport before = report("2026-11-23", "2026-11-23", ReportCalendar.ISO, "", Viewer.of(Role.OPERATOR));
        rollup.rebuild(Instant.parse("2026-11-22T20:30:00Z"), Instant.parse("2026-11-23T20:30:00Z"));
        ExchangeReport after = report("2026-11-23", "2026-11-23", ReportCalendar.ISO, "", Viewer.of(Role.OPERATOR));

        assertThat(before.totals().exchanges()).isEqualTo(3);
        assertThat(after.totals().exchanges()).isEqualTo(4);
        assertThat(after.rows()).hasSize(1);
    }

    @Test
    void writesCsvWithByteOrderMarkAndHeader() {
        trafficOverTwoTehranDays();

        byte[] csv = ReportCsv.write(report("2026-11-23", "2026-11-23", ReportCalendar.ISO, "consumer", Viewer.of(Role.AUDITOR)));

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("consumer,consumer_name_fa,exchanges,answered,denied,rejected,failed,success_rate")
                .contains("denied_no_grant");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("IRCS,,1,0,1,0,0,0.0000,1.0000,0.0000,");
    }

    @Test
    void namesTheOutcomeCodeOfRejectedAndFailedExchanges() {
        record("MOE", "CRA", "INVALID_INPUT", "2026-11-23T09:10:00Z", 300);
        record("MOE", "CRA", "PROVIDER_TIMEOUT", "2026-11-23T09:20:00Z", 5_000_000);

        byte[] csv = ReportCsv.write(report("2026-11-23", "2026-11-23", ReportCalendar.ISO, "consumer", Viewer.of(Role.AUDITOR)));

        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        List<String> moe = List.of(lines.stream().filter(line -> line.startsWith("MOE,")).findFirst().orElseThrow().split(",", -1));
        assertThat(moe.get(header.indexOf("rejected"))).isEqualTo("1");
        assertThat(moe.get(header.indexOf("rejected_invalid_input"))).isEqualTo("1");
        assertThat(moe.get(header.indexOf("failed"))).isEqualTo("1");
        assertThat(moe.get(header.indexOf("failed_provider_timeout"))).isEqualTo("1");
        assertThat(header).contains("failed_provider_error", "rejected_provider_rejected").doesNotContain("rejected_ok");
    }

    @Test
    void writesTheSameTableAsAnExcelWorkbook() throws IOException {
        trafficOverTwoTehranDays();
        ExchangeReport report = report("2026-11-23", "2026-11-23", ReportCalendar.ISO, "consumer", Viewer.of(Role.AUDITOR));

        byte[] xlsx = ReportXlsx.write(report);

        // An .xlsx is a zip whose entries are sized in its central directory only: read it as a file.
        Path file = Files.write(Files.createTempFile("report", ".xlsx"), xlsx);
        Map<String, String> parts = new HashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                parts.put(entry.getName(), new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        } finally {
            Files.delete(file);
        }
        String text = String.join("\n", parts.values());
        assertThat(parts).containsKey("xl/worksheets/sheet1.xml");
        assertThat(text).contains("consumer", "denied_no_grant", "rejected_invalid_input", "failed_provider_timeout", "IRCS");
    }
}
