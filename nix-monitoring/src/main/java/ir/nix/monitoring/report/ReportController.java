package ir.nix.monitoring.report;

import ir.nix.core.identifier.Parsed;
import ir.nix.core.ingress.ProblemResponse;
import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.CertificatePem;
import ir.nix.monitoring.access.Viewer;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exchange reports for auditors and agencies, and the rollup repair for operators.
 *
 * <p>{@code GET /api/v1/reports/exchanges?from=&to=&calendar=iso|jalali&groupBy=&format=json|csv|xlsx&sign=}
 * (optional filters {@code consumer}, {@code provider}, {@code service}). Dates are Asia/Tehran calendar
 * days, inclusive. {@code sign=true} wraps the report and its detached CMS signature by the bus key
 * in a {@link SignedReport}.
 */
@RestController
record ReportController(ExchangeReports reports, RollupAggregator rollup, BusSigner signer, JsonMapper json,
                        ReportProperties properties) {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @GetMapping("/api/v1/reports/exchanges")
    ResponseEntity<?> exchanges(Viewer viewer, @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String calendar,
                                @RequestParam(required = false) String groupBy,
                                @RequestParam(defaultValue = "json") String format,
                                @RequestParam(defaultValue = "false") boolean sign,
                                @RequestParam(required = false) String consumer,
                                @RequestParam(required = false) String provider,
                                @RequestParam(required = false) String service) {
        Parsed<ReportPeriod> period = period(from, to, calendar);
        if (!period.isValid()) {
            return invalid(reason(period));
        }
        Parsed<List<Dimension>> dimensions = Dimension.parseList(groupBy);
        if (!dimensions.isValid()) {
            return invalid(reason(dimensions));
        }
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            return invalid("format: must be json, csv or xlsx");
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        putFilter(filters, Dimension.CONSUMER, consumer);
        putFilter(filters, Dimension.PROVIDER, provider);
        putFilter(filters, Dimension.SERVICE, service);
        ExchangeReport report = reports.report(
                new ExchangeReports.Query(period.orElseThrow(), dimensions.orElseThrow(), filters), viewer);
        byte[] content = switch (format) {
            case "csv" -> ReportCsv.write(report);
            case "xlsx" -> ReportXlsx.write(report);
            default -> json.writeValueAsBytes(report);
        };
        String fileName = fileName(report, format);
        MediaType mediaType = switch (format) {
            case "csv" -> CSV;
            case "xlsx" -> XLSX;
            default -> MediaType.APPLICATION_JSON;
        };
        if (sign) {
            SignedReport signed = new SignedReport(SignedReport.File.of(fileName, mediaType.toString(), content),
                    SignedReport.File.of(fileName + ".p7s", "application/pkcs7-signature", signer.signDetached(content)),
                    CertificatePem.fingerprint(signer.certificate()));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(signed);
        }
        return ResponseEntity.ok().contentType(mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .body(content);
    }

    /**
     * {@code POST /api/v1/admin/reports/rollup?from=&to=&calendar=}: aggregates the period's closed hours
     * again from the records, e.g. after records reached the store more than
     * {@code nix.reports.rollup-recheck} late. Operators only.
     */
    @PostMapping("/api/v1/admin/reports/rollup")
    ResponseEntity<?> rebuild(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String calendar) {
        Parsed<ReportPeriod> period = period(from, to, calendar);
        if (!period.isValid()) {
            return invalid(reason(period));
        }
        int hours = rollup.rebuild(period.orElseThrow().start(), period.orElseThrow().end());
        return ResponseEntity.ok(new Rebuilt(hours, rollup.completeBefore().orElse(null)));
    }

    /** @param hours closed hours aggregated again; @param completeBefore the rollup's progress afterwards */
    record Rebuilt(int hours, Instant completeBefore) {
    }

    private Parsed<ReportPeriod> period(String from, String to, String calendar) {
        Parsed<ReportCalendar> named = ReportCalendar.named(calendar);
        return named.isValid() ? ReportPeriod.parse(from, to, named.orElseThrow(), properties.maxDays())
                : Parsed.invalid("calendar: " + reason(named));
    }

    private static void putFilter(Map<Dimension, String> filters, Dimension dimension, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(dimension, value.trim());
        }
    }

    private static String fileName(ExchangeReport report, String extension) {
        return ("nix-exchanges_" + report.period().from() + "_" + report.period().to() + "_" + report.scope()).replace('/', '-')
                + "." + extension;
    }

    private static String reason(Parsed<?> parsed) {
        return ((Parsed.Invalid<?>) parsed).reason();
    }

    private static ResponseEntity<?> invalid(String detail) {
        return ProblemResponse.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", detail);
    }
}
