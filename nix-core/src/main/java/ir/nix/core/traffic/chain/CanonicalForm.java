package ir.nix.core.traffic.chain;

import ir.nix.core.traffic.IsoInstants;
import ir.nix.core.traffic.TrafficColumn;
import ir.nix.core.traffic.TrafficRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The bytes a chain hash covers: the chain position and every metadata field of the record, one per
 * line, in a fixed order, UTF-8, lines joined by {@code \n} (no trailing newline). Null is the empty
 * line; timestamps are ISO-8601 UTC with exactly six fraction digits (the stores keep microseconds);
 * a backslash, line feed or carriage return inside a value is written {@code \\}, {@code \n}, {@code \r},
 * so that no value can shift the lines after it.
 *
 * <p>Order: chain node, chain sequence, then the record's columns in {@link TrafficColumn}'s order
 * (tracking ID … subject token), each in its stored form (codes by their stable names, so a typed record
 * and the row it is stored as give the same bytes). Form 2 appends the columns from
 * {@link TrafficColumn#FIRST_OF_FORM_2} on (refusal reason, item count) only when at least one of them is set:
 * a record without them hashes exactly as in form 1, so chains stored before them still verify, and the line
 * count (values cannot hold a line break) tells the two forms apart. Changing this form breaks every stored chain: a new
 * form needs a new name and a migration, never an edit. docs/traffic-integrity.md documents it for auditors.
 */
public final class CanonicalForm {

    private CanonicalForm() {
    }

    public static byte[] of(String node, long seq, TrafficRecord record) {
        return of(node, seq, TrafficColumn.values(record));
    }

    /** @param columns a record's columns as stored ({@link TrafficColumn#values(java.sql.ResultSet)}), unparsed */
    public static byte[] of(String node, long seq, List<Object> columns) {
        StringBuilder form = new StringBuilder(512);
        line(form, node);
        form.append('\n').append(seq);
        for (Object value : withoutEmptyForm2(columns)) {
            line(form.append('\n'), value);
        }
        return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<Object> withoutEmptyForm2(List<Object> columns) {
        int first = TrafficColumn.FIRST_OF_FORM_2.ordinal();
        if (columns.size() <= first) {
            return columns;
        }
        boolean form2 = columns.subList(first, columns.size()).stream().anyMatch(value -> value != null);
        return form2 ? columns : columns.subList(0, first);
    }

    /** ISO-8601 UTC, microseconds: how every chained and signed timestamp is written. */
    public static String timestamp(Instant instant) {
        return IsoInstants.formatMicros(instant);
    }

    private static void line(StringBuilder form, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Instant instant) {
            form.append(timestamp(instant));
            return;
        }
        String text = value.toString();
        if (text.indexOf('\\') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            form.append(text); // nearly every value: nothing to escape, one copy instead of one append a character
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> form.append("\\\\");
                case '\n' -> form.append("\\n");
                case '\r' -> form.append("\\r");
                default -> form.append(c);
            }
        }
    }
}
