package ir.nix.monitoring.report;

import ir.nix.core.identifier.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a report can group by. {@code day} and {@code month} exclude each other. */
public enum Dimension {
    CONSUMER("consumer"), PROVIDER("provider"), SERVICE("service"), OUTCOME("outcome"), CHANNEL("channel"),
    DAY(null), MONTH(null);

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    /** The column in {@code traffic_rollup} and {@code traffic_record}, null for the calendar dimensions. */
    String column() {
        return column;
    }

    boolean isCalendar() {
        return column == null;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code groupBy=consumer,service,day}; empty means one row of totals. */
    public static Parsed<List<Dimension>> parseList(String text) {
        List<Dimension> dimensions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Parsed.valid(dimensions);
        }
        for (String part : text.split(",")) {
            Dimension dimension;
            try {
                dimension = valueOf(part.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                return Parsed.invalid("groupBy: each must be one of consumer, provider, service, outcome, channel, day, month");
            }
            if (dimensions.contains(dimension)) {
                return Parsed.invalid("groupBy: " + dimension.label() + " is named twice");
            }
            dimensions.add(dimension);
        }
        if (dimensions.contains(DAY) && dimensions.contains(MONTH)) {
            return Parsed.invalid("groupBy: day and month exclude each other");
        }
        return Parsed.valid(List.copyOf(dimensions));
    }
}
