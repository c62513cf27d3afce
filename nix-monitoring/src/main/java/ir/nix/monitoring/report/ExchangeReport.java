package ir.nix.monitoring.report;

import ir.nix.monitoring.figures.ExchangeFigures;
import ir.nix.policy.calendar.Tehran;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An exchange report: per group, counts, success rate, denials by reason ({@code figures.outcomes}) and
 * latency percentiles of the exchanges in the period (003 Art. 17, 36: services are evaluated by counts,
 * speed and accuracy; 003 Art. 31.5: reporting to every stakeholder).
 *
 * @param scope       {@code ALL}, or the agency an agency viewer's report is restricted to
 * @param filters     the {@code consumer}, {@code provider}, {@code service} filters asked for
 * @param rolledUpTo  every hour before this came from the rollup, the rest straight from the records
 */
public record ExchangeReport(Period period, List<String> groupBy, String scope, Map<String, String> filters,
                             Instant generatedAt, String busNode, Instant rolledUpTo, List<Row> rows,
                             ExchangeFigures totals) {

    /**
     * @param from     first day, in the report's calendar
     * @param to       last day (inclusive), in the report's calendar
     * @param timeZone whose calendar days these are: always Asia/Tehran
     * @param start    first instant covered
     * @param end      first instant after the period
     */
    public record Period(String from, String to, String calendar, String timeZone, Instant start, Instant end) {
        static Period of(ReportPeriod period) {
            return new Period(period.fromLabel(), period.toLabel(), period.calendar().name().toLowerCase(),
                    Tehran.ZONE.getId(), period.start(), period.end());
        }
    }

    /**
     * @param group   the group's value per {@code groupBy} dimension, in that order ({@code ""} = unknown)
     * @param namesFa Persian names of the group's agencies, by dimension ({@code consumer}, {@code provider})
     */
    public record Row(Map<String, String> group, Map<String, String> namesFa, ExchangeFigures figures) {
    }
}
