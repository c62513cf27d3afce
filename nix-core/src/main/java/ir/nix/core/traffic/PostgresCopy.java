package ir.nix.core.traffic;

import ir.nix.core.traffic.chain.ChainedRecord;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * A store batch as one {@code COPY traffic_record (...) FROM STDIN} in PostgreSQL's text format: no statement to
 * parse and plan per batch and no bind parameter per value, where a multi-row {@code INSERT} of 500 records
 * binds 15,000. Runs in the caller's transaction on its connection; a tracking ID already stored fails the
 * whole {@code COPY} with a unique violation, as the batch insert does, so {@link ir.nix.core.traffic.chain.TrafficChain}'s
 * redelivery handling is the same for both.
 *
 * <p>Loaded only when the store's connection is PostgreSQL's, so a node on H2 needs no PostgreSQL driver.
 */
final class PostgresCopy {

    private final String copy;

    PostgresCopy(List<String> columns) {
        this.copy = "COPY traffic_record (" + String.join(", ", columns) + ") FROM STDIN";
    }

    /** Whether {@code connection} (perhaps a pool's or a transaction's proxy) is a PostgreSQL connection. */
    static boolean supports(Connection connection) throws SQLException {
        try {
            Class.forName("org.postgresql.PGConnection", false, PostgresCopy.class.getClassLoader());
        } catch (ClassNotFoundException noDriver) {
            return false;
        }
        return connection.isWrapperFor(PGConnection.class);
    }

    /** @return rows copied */
    long copy(Connection connection, List<ChainedRecord> records) throws SQLException {
        byte[] rows = rows(records).getBytes(StandardCharsets.UTF_8);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy);
        try {
            in.writeToCopy(rows, 0, rows.length);
            return in.endCopy();
        } catch (SQLException | RuntimeException failed) {
            // the COPY's own failure is the one to report (a unique violation is how a redelivery is recognised);
            // cancelling on a connection the failure broke would only fail again
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException | RuntimeException cancelFailed) {
                    failed.addSuppressed(cancelFailed);
                }
            }
            throw failed;
        }
    }

    /** One line per record: its columns in {@link TrafficColumn}'s order, then its chain link. */
    static String rows(List<ChainedRecord> records) {
        StringBuilder out = new StringBuilder(records.size() * 512);
        for (ChainedRecord chained : records) {
            for (TrafficColumn column : TrafficColumn.values()) {
                value(out, column.of(chained.record()));
                out.append('\t');
            }
            text(out, chained.link().node());
            out.append('\t').append(chained.link().seq()).append('\t');
            text(out, chained.link().hash());
            out.append('\n');
        }
        return out.toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof Instant instant) {
            // truncated to microseconds: what the column holds and what the chain hashed (CanonicalForm)
            out.append(IsoInstants.formatMicros(instant));
        } else if (value instanceof String string) {
            text(out, string);
        } else {
            out.append(value); // Integer, Long
        }
    }

    /** Text with COPY's escapes: backslash, tab, line feed, carriage return. */
    static void text(StringBuilder out, String text) {
        if (text == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
