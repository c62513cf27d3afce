package ir.nix.it;

import ir.nix.policy.calendar.Tehran;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.deploy.cli.NixCli;
import ir.nix.policy.calendar.JalaliDate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Exchange reports on the production store (PostgreSQL): exact totals, agency scoping, Jalali and ISO
 * periods, CSV, and signatures an auditor can check with {@code nix-bus verify-report}.
 */
class ReportTest extends PostgresBusUnderTest {

    static final ZoneId TEHRAN = Tehran.ZONE;
    static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    Reply report(String role, String agency, String query) {
        return get("/api/v1/reports/exchanges?" + query, AccessTest.viewer(role, agency));
    }

    /** Around today (Tehran), so an exchange sent at midnight still falls inside. */
    static String aroundToday() {
        LocalDate today = LocalDate.now(TEHRAN);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    static Map<String, Long> exchangesByGroup(JsonNode report, String... dimensions) {
        Map<String, Long> counts = new HashMap<>();
        report.path("rows").valueStream().forEach(row -> {
            StringBuilder key = new StringBuilder();
            for (String dimension : dimensions) {
                key.append(key.isEmpty() ? "" : "/").append(row.path("group").path(dimension).asString());
            }
            counts.put(key.toString(), row.path("figures").path("exchanges").asLong());
        });
        return counts;
    }

    @Test
    void countsExactlyTheExchangesSent() {
        String query = aroundToday() + "&groupBy=consumer,outcome&service=shahkar";
        Map<String, Long> before = exchangesByGroup(report("AUDITOR", null, query).body(), "consumer", "outcome");
        long totalBefore = report("AUDITOR", null, query).body().path("totals").path("exchanges").asLong();

        for (int i = 0; i < 4; i++) {
            assertThat(inquire("shahkar", "IHIO", SHAHKAR).status()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(inquire("shahkar", "IRCS", SHAHKAR).status()).isEqualTo(403);
        }

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode report = report("AUDITOR", null, query).body();
            Map<String, Long> after = exchangesByGroup(report, "consumer", "outcome");
            assertThat(after.get("IHIO/OK")).isEqualTo(before.getOrDefault("IHIO/OK", 0L) + 4);
            assertThat(after.get("IRCS/NO_GRANT")).isEqualTo(before.getOrDefault("IRCS/NO_GRANT", 0L) + 2);
            assertThat(report.path("totals").path("exchanges").asLong()).isEqualTo(totalBefore + 6);
            assertThat(report.path("totals").path("outcomes").path("NO_GRANT").asLong()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void showsAnAgencyOnlyItsOwnRows() {
        inquire("shahkar", "IHIO", SHAHKAR);
        String ircsDenial = inquire("shahkar", "IRCS", SHAHKAR).trackingHeader();
        trafficRecord(ircsDenial);

        JsonNode ircs = report("AGENCY", "IRCS", aroundToday() + "&groupBy=consumer,provider").body();
        JsonNode othersRows = report("AGENCY", "IRCS", aroundToday() + "&groupBy=consumer&consumer=IHIO").body();
        JsonNode cra = report("AGENCY", "CRA", aroundToday() + "&groupBy=consumer").body();

        assertThat(ircs.path("scope").asString()).isEqualTo("IRCS");
        assertThat(ircs.path("rows").valueStream().map(row -> row.path("group").path("consumer").asString()))
                .isNotEmpty().containsOnly("IRCS");
        assertThat(othersRows.path("rows").isEmpty()).isTrue();
        assertThat(othersRows.path("totals").path("exchanges").asLong()).isZero();
        assertThat(cra.path("rows").valueStream().map(row -> row.path("group").path("consumer").asString()))
                .contains("IHIO", "IRCS");
    }

    @Test
    void givesTheSameRowsForJalaliAndIsoNamesOfTheSameDaysFromTheRollup() throws Exception {
        LocalDate first = LocalDate.now(TEHRAN).minusDays(40);
        LocalDate last = first.plusDays(2);
        storeSyntheticDays(first, last);
        Reply rebuilt = post("/api/v1/admin/reports/rollup?from=" + first + "&to=" + last, Map.of("X-NIX-Role", "OPERATOR"), "");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.body().path("hours").asInt()).isEqualTo(72);

        JsonNode iso = report("AUDITOR", null, "from=" + first + "&to=" + last + "&groupBy=consumer,day&service=report-test").body();
        JsonNode jalali = report("AUDITOR", null, "calendar=jalali&from=" + JalaliDate.of(first) + "&to=" + JalaliDate.of(last)
                + "&groupBy=consumer,day&service=report-test").body();

        Map<String, Long> isoRows = exchangesByGroup(iso, "consumer", "day");
        Map<String, Long> jalaliRows = exchangesByGroup(jalali, "consumer", "day");
        assertThat(isoRows).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TVTO/" + first, 2L, "TVTO/" + first.plusDays(1), 3L, "JUD/" + last, 1L));
        assertThat(jalaliRows).containsExactlyInAnyOrderEntriesOf(Map.of(
                "TVTO/" + JalaliDate.of(first), 2L, "TVTO/" + JalaliDate.of(first.plusDays(1)), 3L, "JUD/" + JalaliDate.of(last), 1L));
        assertThat(jalali.path("totals")).isEqualTo(iso.path("totals"));
        assertThat(rolledUp("report-test")).isEqualTo(6);
    }

    /** Exchanges of a service in the rollup table, read straight from PostgreSQL. */
    static long rolledUp(String service) throws Exception {
        try (Connection db = Postgres.connect(DATABASE);
             PreparedStatement sum = db.prepareStatement("SELECT COALESCE(SUM(exchanges), 0) FROM traffic_rollup WHERE service = ?")) {
            sum.setString(1, service);
            try (java.sql.ResultSet result = sum.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** Six records straight into PostgreSQL, two of them a second either side of a Tehran midnight. */
    void storeSyntheticDays(LocalDate first, LocalDate last) throws Exception {
        Instant midnight = first.plusDays(1).atStartOfDay(TEHRAN).toInstant();
        try (Connection db = Postgres.connect(DATABASE); Statement ddl = db.createStatement()) {
            for (LocalDate day = first.minusDays(1); !day.isAfter(last.plusDays(1)); day = day.plusDays(1)) {
                ddl.execute("CREATE TABLE IF NOT EXISTS traffic_record_" + DateTimeFormatter.BASIC_ISO_DATE.format(day)
                        + " PARTITION OF traffic_record FOR VALUES FROM ('" + day + " 00:00:00+00') TO ('" + day.plusDays(1) + " 00:00:00+00')");
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO traffic_record (tracking_id, channel, consumer, "
                    + "provider, service, decision, outcome, status, received_at, total_micros, request_bytes, reply_bytes, bus_node) "
                    + "VALUES (?, 'REST', ?, 'CRA', 'report-test', 'PERMIT', 'OK', 200, ?, 4000, 10, 10, 'synthetic')")) {
                List<Object[]> rows = List.of(
                        new Object[] {"TVTO", first.atTime(10, 0).atZone(TEHRAN).toInstant()},
                        new Object[] {"TVTO", midnight.minusSeconds(1)},
                        new Object[] {"TVTO", midnight},
                        new Object[] {"TVTO", midnight.plusSeconds(3600)},
                        new Object[] {"TVTO", first.plusDays(1).atTime(23, 59).atZone(TEHRAN).toInstant()},
                        new Object[] {"JUD", last.atTime(12, 0).atZone(TEHRAN).toInstant()});
                for (Object[] row : rows) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, (String) row[0]);
                    insert.setObject(3, ((Instant) row[1]).atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    @Test
    void writesCsvStartingWithTheUtf8ByteOrderMark() {
        inquire("shahkar", "MOE", SHAHKAR);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Reply csv = report("AUDITOR", null, aroundToday() + "&groupBy=consumer,provider&format=csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            assertThat(csv.raw()).startsWith("\uFEFFconsumer,consumer_name_fa,provider,provider_name_fa,exchanges,");
            assertThat(csv.raw()).contains("MOE,وزارت نیرو,CRA,سازمان تنظیم مقررات و ارتباطات رادیویی,");
        });
    }

    @Test
    void servesTheReportAsAnExcelWorkbook() throws Exception {
        inquire("shahkar", "MOE", SHAHKAR);

        Reply served = report("AUDITOR", null, aroundToday() + "&groupBy=consumer&format=xlsx");
        JsonNode signed = report("AUDITOR", null, aroundToday() + "&groupBy=consumer&format=xlsx&sign=true").body();
        Path workbook = Files.write(Files.createTempFile("nix-report-", ".xlsx"),
                Base64.getDecoder().decode(signed.path("report").path("content").asString()));

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(served.header("Content-Disposition")).hasValueSatisfying(value -> assertThat(value).contains(".xlsx"));
        assertThat(signed.path("report").path("fileName").asString()).endsWith(".xlsx");
        // The workbook's content is ExchangeReportsTest's; here: what the API serves is a workbook.
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            assertThat(zip.getEntry("xl/worksheets/sheet1.xml")).isNotNull();
        } finally {
            Files.delete(workbook);
        }
    }

    @Test
    void signsReportsSoThatTamperingShows() throws Exception {
        inquire("shahkar", "MOE", SHAHKAR);
        JsonNode signed = report("AUDITOR", null, aroundToday() + "&groupBy=consumer,service&format=csv&sign=true").body();
        Path dir = Files.createTempDirectory("nix-report-");
        Path csv = Files.write(dir.resolve(signed.path("report").path("fileName").asString()),
                Base64.getDecoder().decode(signed.path("report").path("content").asString()));
        Path signature = Files.write(dir.resolve(signed.path("signature").path("fileName").asString()),
                Base64.getDecoder().decode(signed.path("signature").path("content").asString()));
        Path certificate = Files.writeString(dir.resolve("bus.pem"), get("/api/v1/signing/certificate").raw(), StandardCharsets.US_ASCII);

        assertThat(signature.getFileName().toString()).isEqualTo(csv.getFileName() + ".p7s");
        assertThat(verifyReport(csv, signature, certificate)).isZero();

        byte[] tampered = Files.readAllBytes(csv);
        tampered[tampered.length - 2] ^= 1;
        Files.write(csv, tampered);
        assertThat(verifyReport(csv, signature, certificate)).isEqualTo(1);
    }

    static int verifyReport(Path report, Path signature, Path certificate) {
        StringWriter out = new StringWriter();
        return NixCli.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "verify-report",
                "--report", report.toString(), "--signature", signature.toString(), "--certificate", certificate.toString());
    }
}
