package ir.nix.monitoring.report;

import ir.nix.monitoring.access.Viewer;
import ir.nix.monitoring.figures.AgencyNames;
import ir.nix.monitoring.figures.ExchangeFigures;
import ir.nix.monitoring.figures.LatencyHistogram;
import ir.nix.policy.calendar.Tehran;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers exchange reports from the rollup, plus the records of the hours not rolled up yet, so a report
 * is exact up to the last written record and a month costs a few hundred thousand rollup rows. Agency
 * viewers get only the exchanges where they are the consumer or the provider, in the SQL itself.
 */
public class ExchangeReports {

    /** What to report: period, grouping, and optional {@code consumer}/{@code provider}/{@code service} filters. */
    public record Query(ReportPeriod period, List<Dimension> groupBy, Map<Dimension, String> filters) {
        public Query {
            groupBy = List.copyOf(groupBy);
            filters = Map.copyOf(filters);
        }
    }

    /** One aggregated cell: a group's values (rollup columns), its day when grouped by calendar, an outcome. */
    private record Cell(Map<Dimension, String> values, LocalDate day, String outcome, long exchanges, long max, long[] buckets) {
    }

    private final JdbcTemplate jdbc;
    private final RollupAggregator rollup;
    private final AgencyNames names;
    private final Clock clock;
    private final String busNode;

    public ExchangeReports(JdbcTemplate jdbc, RollupAggregator rollup, AgencyNames names, Clock clock, String busNode) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.names = names;
        this.clock = clock;
        this.busNode = busNode;
    }

    public ExchangeReport report(Query query, Viewer viewer) {
        ReportPeriod period = query.period();
        Instant rolledUpTo = rollup.completeBefore().orElse(period.start());
        Instant split = rolledUpTo.isBefore(period.start()) ? period.start()
                : rolledUpTo.isAfter(period.end()) ? period.end() : rolledUpTo;
        List<Object> whereParameters = new ArrayList<>();
        String where = where(query, viewer, whereParameters);
        List<Cell> cells = new ArrayList<>();
        if (split.isAfter(period.start())) {
            cells.addAll(rolledCells(query, period.start(), split, where, whereParameters));
        }
        for (Instant day = split; day.isBefore(period.end()); day = nextDayStart(day)) {
            Instant until = nextDayStart(day).isBefore(period.end()) ? nextDayStart(day) : period.end();
            cells.addAll(rawCells(query, day, until, where, whereParameters));
        }
        return assemble(query, viewer, rolledUpTo, cells);
    }

    private static Instant nextDayStart(Instant instant) {
        return TehranHours.day(instant).plusDays(1).atStartOfDay(Tehran.ZONE).toInstant();
    }

    private static String where(Query query, Viewer viewer, List<Object> parameters) {
        StringBuilder where = new StringBuilder();
        viewer.restrictedTo().ifPresent(agency -> {
            where.append(" AND (consumer = ? OR provider = ?)");
            parameters.add(agency);
            parameters.add(agency);
        });
        query.filters().forEach((dimension, value) -> {
            where.append(" AND ").append(dimension.column()).append(" = ?");
            parameters.add(value);
        });
        return where.toString();
    }

    private static List<Dimension> columnDimensions(Query query) {
        return query.groupBy().stream().filter(d -> !d.isCalendar() && d != Dimension.OUTCOME).toList();
    }

    private static boolean byCalendar(Query query) {
        return query.groupBy().stream().anyMatch(Dimension::isCalendar);
    }

    private List<Cell> rolledCells(Query query, Instant from, Instant to, String where, List<Object> whereParameters) {
        List<Dimension> dimensions = columnDimensions(query);
        List<String> columns = new ArrayList<>(dimensions.stream().map(Dimension::column).toList());
        if (byCalendar(query)) {
            columns.add("tehran_day");
        }
        List<Object> parameters = new ArrayList<>(List.of(RollupAggregator.utc(from), RollupAggregator.utc(to)));
        parameters.addAll(whereParameters);
        return jdbc.query(RollupSql.rolledCells(columns, where),
                (rs, row) -> cell(rs, dimensions, byCalendar(query) ? rs.getObject(columns.size(), LocalDate.class) : null,
                        columns.size()), parameters.toArray());
    }

    private List<Cell> rawCells(Query query, Instant from, Instant to, String where, List<Object> whereParameters) {
        List<Dimension> dimensions = columnDimensions(query);
        List<String> columns = dimensions.stream().map(Dimension::column).toList();
        LocalDate day = byCalendar(query) ? TehranHours.day(from) : null;
        List<Object> parameters = new ArrayList<>(List.of(RollupAggregator.utc(from), RollupAggregator.utc(to)));
        parameters.addAll(whereParameters);
        return jdbc.query(RollupSql.rawCells(columns, where), (rs, row) -> cell(rs, dimensions, day, columns.size()),
                parameters.toArray());
    }

    /** Reads group values, then outcome, count, latency sum, maximum and buckets, after {@code groupColumns} columns. */
    private static Cell cell(ResultSet rs, List<Dimension> dimensions, LocalDate day, int groupColumns) throws SQLException {
        Map<Dimension, String> values = new LinkedHashMap<>();
        for (int i = 0; i < dimensions.size(); i++) {
            values.put(dimensions.get(i), rs.getString(i + 1));
        }
        int next = groupColumns + 1;
        String outcome = rs.getString(next++);
        long exchanges = rs.getLong(next++);
        next++; // latency sum: kept in the rollup for means, not reported yet
        long max = rs.getLong(next++);
        long[] buckets = new long[LatencyHistogram.BUCKETS];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = rs.getLong(next++);
        }
        return new Cell(values, day, outcome, exchanges, max, buckets);
    }

    private ExchangeReport assemble(Query query, Viewer viewer, Instant rolledUpTo, List<Cell> cells) {
        ReportPeriod period = query.period();
        Map<List<String>, ExchangeFigures.Builder> groups = new TreeMap<>(ExchangeReports::compareGroups);
        ExchangeFigures.Builder totals = new ExchangeFigures.Builder();
        for (Cell cell : cells) {
            LatencyHistogram latency = LatencyHistogram.of(cell.buckets(), cell.max());
            groups.computeIfAbsent(groupOf(query, cell), g -> new ExchangeFigures.Builder())
                    .add(cell.outcome(), cell.exchanges(), latency);
            totals.add(cell.outcome(), cell.exchanges(), latency);
        }
        List<ExchangeReport.Row> rows = new ArrayList<>();
        groups.forEach((group, figures) -> rows.add(row(query, group, figures.build())));
        Map<String, String> filters = new TreeMap<>();
        query.filters().forEach((dimension, value) -> filters.put(dimension.label(), value));
        return new ExchangeReport(ExchangeReport.Period.of(period), query.groupBy().stream().map(Dimension::label).toList(),
                viewer.scope(), filters, clock.instant(), busNode, rolledUpTo, rows, totals.build());
    }

    private static List<String> groupOf(Query query, Cell cell) {
        List<String> group = new ArrayList<>(query.groupBy().size());
        for (Dimension dimension : query.groupBy()) {
            group.add(switch (dimension) {
                case DAY -> query.period().calendar().day(cell.day());
                case MONTH -> query.period().calendar().month(cell.day());
                case OUTCOME -> cell.outcome();
                default -> cell.values().get(dimension);
            });
        }
        return group;
    }

    private static int compareGroups(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int order = a.get(i).compareTo(b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private ExchangeReport.Row row(Query query, List<String> group, ExchangeFigures figures) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> namesFa = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            Dimension dimension = query.groupBy().get(i);
            values.put(dimension.label(), group.get(i));
            if (dimension == Dimension.CONSUMER || dimension == Dimension.PROVIDER) {
                names.persian(group.get(i)).ifPresent(name -> namesFa.put(dimension.label(), name));
            }
        }
        return new ExchangeReport.Row(values, namesFa, figures);
    }
}
