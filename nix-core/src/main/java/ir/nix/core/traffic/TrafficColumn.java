package ir.nix.core.traffic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one documented field order of a {@link TrafficRecord}: the columns of {@code traffic_record}, the
 * lines of the chain's {@link ir.nix.core.traffic.chain.CanonicalForm} and the parameters the store binds,
 * all iterate this table, so they cannot drift apart.
 *
 * <p>Each column's value is its stored form: text (codes by their stable name), {@code Integer},
 * {@code Long} or {@link Instant} (microseconds, UTC). The chain hashes these stored forms, so a verifier
 * can hash what a row holds without first trusting it to parse. Appending a column here changes the
 * canonical form of every record: a new column needs a new canonical form (see docs/traffic-integrity.md),
 * never an edit of this order.
 */
public enum TrafficColumn {
    TRACKING_ID(Types.VARCHAR, r -> r.trackingId().toString()),
    PARENT_TRACKING_ID(Types.VARCHAR, r -> text(r.parentTrackingId())),
    CALLER_REQUEST_ID(Types.VARCHAR, TrafficRecord::callerRequestId),
    CHANNEL(Types.VARCHAR, r -> r.channel().name()),
    CONSUMER(Types.VARCHAR, r -> text(r.consumer())),
    PROVIDER(Types.VARCHAR, r -> text(r.provider())),
    SERVICE(Types.VARCHAR, r -> text(r.service())),
    SERVICE_VERSION(Types.VARCHAR, TrafficRecord::serviceVersion),
    GRANT_ID(Types.VARCHAR, TrafficRecord::grantId),
    RESOLUTION_REF(Types.VARCHAR, TrafficRecord::resolutionRef),
    POLICY_VERSION(Types.VARCHAR, TrafficRecord::policyVersion),
    POLICY_HASH(Types.VARCHAR, TrafficRecord::policyHash),
    DECISION(Types.VARCHAR, r -> r.decision().name()),
    OUTCOME(Types.VARCHAR, r -> r.outcome().name()),
    STATUS(Types.INTEGER, TrafficRecord::status),
    RECEIVED_AT(Types.TIMESTAMP_WITH_TIMEZONE, TrafficRecord::receivedAt),
    FORWARDED_AT(Types.TIMESTAMP_WITH_TIMEZONE, TrafficRecord::forwardedAt),
    ANSWERED_AT(Types.TIMESTAMP_WITH_TIMEZONE, TrafficRecord::answeredAt),
    TOTAL_MICROS(Types.BIGINT, TrafficRecord::totalMicros),
    PROVIDER_MICROS(Types.BIGINT, TrafficRecord::providerMicros),
    REQUEST_BYTES(Types.INTEGER, TrafficRecord::requestBytes),
    REPLY_BYTES(Types.INTEGER, TrafficRecord::replyBytes),
    BUS_NODE(Types.VARCHAR, TrafficRecord::busNode),
    CLIENT_CERTIFICATE(Types.VARCHAR, TrafficRecord::clientCertificate),
    SUBJECT_TOKEN(Types.VARCHAR, TrafficRecord::subjectToken),
    // Canonical form 2 (schema V6): hashed only when one of them is set, so every record made before them
    // keeps the bytes, and the hash, it was chained with.
    REASON(Types.VARCHAR, TrafficRecord::reason),
    ITEM_COUNT(Types.INTEGER, TrafficRecord::itemCount);

    /** The first column of canonical form 2: it and the columns after it are hashed only when one is not null. */
    public static final TrafficColumn FIRST_OF_FORM_2 = REASON;

    /** Every column, comma-separated, in this order: the select list that {@link TrafficStore#read} expects. */
    public static final String NAMES = String.join(", ", names());

    private final int sqlType;
    private final Function<TrafficRecord, Object> value;

    TrafficColumn(int sqlType, Function<TrafficRecord, Object> value) {
        this.sqlType = sqlType;
        this.value = value;
    }

    /** The column's name in {@code traffic_record}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int sqlType() {
        return sqlType;
    }

    /** The record's value for this column in its stored form, or null. */
    public Object of(TrafficRecord record) {
        return value.apply(record);
    }

    /** The value as the store binds it: instants as UTC timestamps with zone, the rest as they are. */
    public Object bindable(TrafficRecord record) {
        Object stored = of(record);
        return stored instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : stored;
    }

    /** This column of the current row, in the same stored form as {@link #of}, without interpreting it. */
    public Object read(ResultSet row) throws SQLException {
        String column = column();
        return switch (sqlType) {
            case Types.INTEGER -> row.getObject(column, Integer.class);
            case Types.BIGINT -> row.getObject(column, Long.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> {
                OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
                yield at == null ? null : at.toInstant();
            }
            default -> row.getString(column);
        };
    }

    /** Every column of {@code record}, in this order. */
    public static List<Object> values(TrafficRecord record) {
        List<Object> values = new ArrayList<>(values().length);
        for (TrafficColumn column : values()) {
            values.add(column.of(record));
        }
        return values;
    }

    /** Every column of the current row, in this order, as stored. */
    public static List<Object> values(ResultSet row) throws SQLException {
        List<Object> values = new ArrayList<>(values().length);
        for (TrafficColumn column : values()) {
            values.add(column.read(row));
        }
        return values;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (TrafficColumn column : values()) {
            names.add(column.column());
        }
        return names;
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
