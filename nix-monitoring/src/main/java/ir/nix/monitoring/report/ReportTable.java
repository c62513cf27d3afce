package ir.nix.monitoring.report;

import ir.nix.core.exchange.OutcomeClass;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.monitoring.figures.ExchangeFigures;
import ir.nix.policy.DenialReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * An exchange report as one table, the same columns in every spreadsheet format (CSV, XLSX): the
 * {@code groupBy} dimensions (consumer and provider each followed by the agency's Persian name), the counts,
 * the rates as fractions, the latency percentiles in milliseconds, then one count column per outcome code
 * that is not an answer, so that denied, rejected and failed exchanges each name their code:
 * {@code denied_<reason>}, {@code rejected_<code>}, {@code failed_<code>}.
 */
final class ReportTable {

    /**
     * A figure column.
     *
     * @param places decimal places a text format writes, or -1 for a whole number
     */
    record Column(String name, Function<ExchangeFigures, Object> value, int places) {
    }

    private static final List<Column> FIGURES = figures();

    private ReportTable() {
    }

    static List<String> header(ExchangeReport report) {
        List<String> header = new ArrayList<>();
        for (String dimension : report.groupBy()) {
            header.add(dimension);
            if (hasName(dimension)) {
                header.add(dimension + "_name_fa");
            }
        }
        FIGURES.forEach(column -> header.add(column.name()));
        return header;
    }

    /** The row's cells: text for dimensions, {@code Long} for counts, {@code Double} (or null) for the rest. */
    static List<Object> cells(ExchangeReport report, ExchangeReport.Row row) {
        List<Object> cells = new ArrayList<>();
        for (String dimension : report.groupBy()) {
            cells.add(row.group().get(dimension));
            if (hasName(dimension)) {
                cells.add(row.namesFa().getOrDefault(dimension, ""));
            }
        }
        FIGURES.forEach(column -> cells.add(column.value().apply(row.figures())));
        return cells;
    }

    /** Decimal places of each cell of {@link #cells} when written as text (-1: as it is). */
    static List<Integer> places(ExchangeReport report) {
        List<Integer> places = new ArrayList<>();
        for (String dimension : report.groupBy()) {
            places.add(-1);
            if (hasName(dimension)) {
                places.add(-1);
            }
        }
        FIGURES.forEach(column -> places.add(column.places()));
        return places;
    }

    private static List<Column> figures() {
        List<Column> columns = new ArrayList<>(List.of(
                new Column("exchanges", ExchangeFigures::exchanges, -1),
                new Column("answered", ExchangeFigures::answered, -1),
                new Column("denied", ExchangeFigures::denied, -1),
                new Column("rejected", ExchangeFigures::rejected, -1),
                new Column("failed", ExchangeFigures::failed, -1),
                new Column("success_rate", ExchangeFigures::successRate, 4),
                new Column("denial_rate", ExchangeFigures::denialRate, 4),
                new Column("error_rate", ExchangeFigures::errorRate, 4),
                new Column("p50_ms", ExchangeFigures::p50Ms, 3),
                new Column("p95_ms", ExchangeFigures::p95Ms, 3),
                new Column("p99_ms", ExchangeFigures::p99Ms, 3)));
        for (DenialReason reason : DenialReason.values()) {
            columns.add(count("denied", reason.name()));
        }
        for (OutcomeClass outcomeClass : List.of(OutcomeClass.REJECTED, OutcomeClass.FAILED)) {
            for (OutcomeCode code : OutcomeCode.values()) {
                if (code.outcomeClass() == outcomeClass) {
                    columns.add(count(outcomeClass.name().toLowerCase(Locale.ROOT), code.name()));
                }
            }
        }
        return List.copyOf(columns);
    }

    private static Column count(String prefix, String code) {
        return new Column(prefix + "_" + code.toLowerCase(Locale.ROOT), f -> f.outcomes().getOrDefault(code, 0L), -1);
    }

    private static boolean hasName(String dimension) {
        return dimension.equals("consumer") || dimension.equals("provider");
    }
}
