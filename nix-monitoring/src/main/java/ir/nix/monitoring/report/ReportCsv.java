package ir.nix.monitoring.report;

import ir.nix.monitoring.traffic.ExchangeFigures;
import ir.nix.policy.DenialReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An exchange report as CSV: UTF-8 with a byte-order mark (so that spreadsheet programs read the
 * Persian names right), one header row, one row per group. Columns: the {@code groupBy} dimensions
 * (consumer and provider each followed by the agency's Persian name), the counts, the rates as
 * fractions, the latency percentiles in milliseconds, and one {@code denied_<reason>} column per
 * denial reason.
 */
final class ReportCsv {

    static final String BOM = "\uFEFF";

    private ReportCsv() {
    }

    static byte[] write(ExchangeReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write(BOM);
            csv.printRecord(header(report));
            for (ExchangeReport.Row row : report.rows()) {
                csv.printRecord(values(report, row));
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    private static List<String> header(ExchangeReport report) {
        List<String> header = new ArrayList<>();
        for (String dimension : report.groupBy()) {
            header.add(dimension);
            if (hasName(dimension)) {
                header.add(dimension + "_name_fa");
            }
        }
        header.addAll(List.of("exchanges", "answered", "denied", "rejected", "failed", "success_rate", "denial_rate",
                "error_rate", "p50_ms", "p95_ms", "p99_ms"));
        for (DenialReason reason : DenialReason.values()) {
            header.add("denied_" + reason.name().toLowerCase(Locale.ROOT));
        }
        return header;
    }

    private static List<Object> values(ExchangeReport report, ExchangeReport.Row row) {
        List<Object> values = new ArrayList<>();
        for (String dimension : report.groupBy()) {
            values.add(row.group().get(dimension));
            if (hasName(dimension)) {
                values.add(row.namesFa().getOrDefault(dimension, ""));
            }
        }
        ExchangeFigures f = row.figures();
        values.addAll(List.of(f.exchanges(), f.answered(), f.denied(), f.rejected(), f.failed()));
        values.addAll(List.of(decimal(f.successRate(), 4), decimal(f.denialRate(), 4), decimal(f.errorRate(), 4),
                decimal(f.p50Ms(), 3), decimal(f.p95Ms(), 3), decimal(f.p99Ms(), 3)));
        for (DenialReason reason : DenialReason.values()) {
            values.add(f.outcomes().getOrDefault(reason.name(), 0L));
        }
        return values;
    }

    private static boolean hasName(String dimension) {
        return dimension.equals("consumer") || dimension.equals("provider");
    }

    private static String decimal(Double value, int places) {
        return value == null ? "" : String.format(Locale.ROOT, "%." + places + "f", value);
    }
}
