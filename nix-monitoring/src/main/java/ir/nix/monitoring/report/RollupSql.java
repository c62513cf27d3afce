package ir.nix.monitoring.report;

import ir.nix.monitoring.figures.LatencyHistogram;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The SQL of the rollup, in the two dialects the bus runs on. Everything but the upsert is plain SQL
 * both PostgreSQL and H2 accept ({@code COUNT(*) FILTER (WHERE …)} included).
 */
final class RollupSql {

    enum Dialect { POSTGRESQL, H2 }

    private static final String KEY = "hour_start, consumer, provider, service, outcome, channel";
    private static final String GROUP = "COALESCE(consumer, ''), COALESCE(provider, ''), COALESCE(service, ''), outcome, channel";
    private static final String MEASURES = "exchanges, total_micros, max_micros, " + String.join(", ", LatencyHistogram.columns());

    static final String PROGRESS = "SELECT complete_before FROM traffic_rollup_progress WHERE id = 1";
    static final String ADVANCE = "UPDATE traffic_rollup_progress SET complete_before = ? "
            + "WHERE id = 1 AND (complete_before IS NULL OR complete_before < ?)";
    static final String FIRST_RECORD = "SELECT MIN(received_at) FROM traffic_record";

    private RollupSql() {
    }

    /** Count, latency sum and maximum, and the histogram buckets of {@code traffic_record} rows. */
    static String rawMeasures() {
        return "COUNT(*), SUM(total_micros), MAX(total_micros), " + IntStream.range(0, LatencyHistogram.BUCKETS)
                .mapToObj(i -> "COUNT(*) FILTER (WHERE " + LatencyHistogram.sqlCondition("total_micros", i) + ")")
                .collect(Collectors.joining(", "));
    }

    /** The same measures summed over {@code traffic_rollup} rows. */
    static String rolledMeasures() {
        return "SUM(exchanges), SUM(total_micros), MAX(max_micros), " + LatencyHistogram.columns().stream()
                .map(column -> "SUM(" + column + ")").collect(Collectors.joining(", "));
    }

    /**
     * Replaces one hour's rollup rows with a fresh aggregation of that hour's records. Parameters: hour
     * start, Tehran day, hour start, hour end. Idempotent: running it again, on any node, gives the same rows.
     */
    static String upsertHour(Dialect dialect) {
        String select = "SELECT CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS DATE), " + GROUP + ", " + rawMeasures()
                + " FROM traffic_record WHERE received_at >= ? AND received_at < ? GROUP BY " + GROUP;
        String columns = "hour_start, tehran_day, consumer, provider, service, outcome, channel, " + MEASURES;
        if (dialect == Dialect.H2) {
            return "MERGE INTO traffic_rollup (" + columns + ") KEY (" + KEY + ") " + select;
        }
        String updates = List.of(MEASURES.split(", ")).stream().map(column -> column + " = EXCLUDED." + column)
                .collect(Collectors.joining(", "));
        return "INSERT INTO traffic_rollup (" + columns + ") " + select + " ON CONFLICT (" + KEY + ") DO UPDATE SET " + updates;
    }

    /**
     * A report's cells from the rollup: per group and outcome, the measures. Parameters: start and end
     * of the hours, then the {@code where} parameters.
     *
     * @param groupColumns rollup columns to group by ({@code tehran_day} for the calendar dimensions)
     * @param where        extra conditions, {@code ""} or starting with {@code " AND "}
     */
    static String rolledCells(List<String> groupColumns, String where) {
        String group = groupColumns.isEmpty() ? "outcome" : String.join(", ", groupColumns) + ", outcome";
        return "SELECT " + group + ", " + rolledMeasures() + " FROM traffic_rollup WHERE hour_start >= ? AND hour_start < ?"
                + where + " GROUP BY " + group;
    }

    /** The same cells straight from {@code traffic_record}, for the hours not rolled up yet. */
    static String rawCells(List<String> groupColumns, String where) {
        List<String> expressions = groupColumns.stream()
                .map(column -> column.equals("outcome") || column.equals("channel") ? column : "COALESCE(" + column + ", '')")
                .toList();
        String group = expressions.isEmpty() ? "outcome" : String.join(", ", expressions) + ", outcome";
        return "SELECT " + group + ", " + rawMeasures() + " FROM traffic_record WHERE received_at >= ? AND received_at < ?"
                + where + " GROUP BY " + group;
    }
}
