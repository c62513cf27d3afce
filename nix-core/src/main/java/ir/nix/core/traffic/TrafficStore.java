package ir.nix.core.traffic;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.chain.ChainedRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The traffic table: H2 embedded by default, PostgreSQL in production; one schema, managed by Flyway.
 * The tracking ID is unique, so a record delivered twice is stored once; every record is stored with its
 * link in the writing node's hash chain ({@link ir.nix.core.traffic.chain.TrafficChain}). Binding and
 * reading iterate {@link TrafficColumn}: no column has a hand-written position.
 */
@Component
public class TrafficStore {

    /** The record's columns, in {@link TrafficColumn}'s order, as {@link #read} expects them. */
    public static final String COLUMNS = TrafficColumn.NAMES;

    private static final List<String> CHAIN_COLUMNS = List.of("chain_node", "chain_seq", "chain_hash");
    private static final TrafficColumn[] COLUMN_ORDER = TrafficColumn.values();
    /** What {@link #insert} binds, in order. */
    private static final List<String> INSERT_COLUMNS = insertColumns();

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final String insert;
    private final PostgresCopy copy = new PostgresCopy(INSERT_COLUMNS);
    /** Whether the store's connections are PostgreSQL's (then batches are COPYed); decided on the first batch. */
    private volatile Boolean postgres;

    public TrafficStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.client = JdbcClient.create(jdbc);
        this.insert = "INSERT INTO traffic_record (" + String.join(", ", INSERT_COLUMNS) + ") VALUES ("
                + String.join(", ", Collections.nCopies(INSERT_COLUMNS.size(), "?")) + ")";
    }

    private static List<String> insertColumns() {
        List<String> names = Arrays.stream(TrafficColumn.values()).map(TrafficColumn::column).collect(Collectors.toList());
        names.addAll(CHAIN_COLUMNS);
        return List.copyOf(names);
    }

    /**
     * In the caller's transaction: on PostgreSQL one {@code COPY} ({@link PostgresCopy}), elsewhere one JDBC batch.
     * A tracking ID already stored fails the whole batch with {@link DuplicateKeyException}: the caller rolls back
     * and inserts only the records not yet stored ({@link ir.nix.core.traffic.chain.TrafficChain}).
     *
     * @return rows stored per record ({@link Statement#SUCCESS_NO_INFO} where the driver does not count them)
     */
    public int[] insert(List<ChainedRecord> records) {
        if (records.isEmpty()) {
            return new int[0];
        }
        return jdbc.execute((ConnectionCallback<int[]>) connection -> {
            if (postgres == null) {
                postgres = PostgresCopy.supports(connection);
            }
            return postgres ? copied(connection, records) : batched(connection, records);
        });
    }

    private int[] copied(Connection connection, List<ChainedRecord> records) throws SQLException {
        long rows = copy.copy(connection, records);
        if (rows != records.size()) {
            throw new IllegalStateException("COPY stored " + rows + " of " + records.size() + " traffic records");
        }
        int[] each = new int[records.size()];
        Arrays.fill(each, 1);
        return each;
    }

    private int[] batched(Connection connection, List<ChainedRecord> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            for (ChainedRecord record : records) {
                bind(statement, record);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /** Parameters in {@link #INSERT_COLUMNS}'s order: the record's columns in {@link TrafficColumn}'s order, then its link. */
    private static void bind(PreparedStatement statement, ChainedRecord chained) throws SQLException {
        int parameter = 0;
        for (TrafficColumn column : COLUMN_ORDER) {
            Object value = column.bindable(chained.record());
            if (value == null) {
                statement.setNull(++parameter, column.sqlType());
            } else {
                statement.setObject(++parameter, value, column.sqlType());
            }
        }
        statement.setString(++parameter, chained.link().node());
        statement.setLong(++parameter, chained.link().seq());
        statement.setString(++parameter, chained.link().hash());
    }

    public Optional<TrafficRecord> find(String trackingId) {
        return client.sql("SELECT " + COLUMNS + " FROM traffic_record WHERE tracking_id = :trackingId")
                .param("trackingId", trackingId).query(TrafficStore::read).optional();
    }

    /** Exchanges whose subject token is one of {@code tokens}, oldest first. */
    public List<TrafficRecord> findBySubjectTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        return client.sql("SELECT " + COLUMNS + " FROM traffic_record WHERE subject_token IN (:tokens) ORDER BY received_at")
                .param("tokens", tokens).query(TrafficStore::read).list();
    }

    public long count() {
        return client.sql("SELECT COUNT(*) FROM traffic_record").query(Long.class).single();
    }

    /** One row of {@link #COLUMNS}. */
    public static TrafficRecord read(ResultSet rs, int row) throws SQLException {
        return new TrafficRecord(
                TrafficStore.<TrackingId>typed(rs, "tracking_id", text -> new TrackingId(UUID.fromString(text))),
                typed(rs, "parent_tracking_id", text -> new TrackingId(UUID.fromString(text))),
                rs.getString("caller_request_id"),
                Channel.valueOf(rs.getString("channel")),
                typed(rs, "consumer", AgencyCode::new),
                typed(rs, "provider", AgencyCode::new),
                typed(rs, "service", ServiceCode::new),
                rs.getString("service_version"), rs.getString("grant_id"), rs.getString("resolution_ref"),
                rs.getString("policy_version"), rs.getString("policy_hash"),
                PolicyVerdict.valueOf(rs.getString("decision")),
                OutcomeCode.valueOf(rs.getString("outcome")),
                rs.getInt("status"),
                instant(rs, "received_at"), instant(rs, "forwarded_at"), instant(rs, "answered_at"),
                rs.getLong("total_micros"), rs.getObject("provider_micros", Long.class), rs.getInt("request_bytes"),
                rs.getInt("reply_bytes"), rs.getString("bus_node"), rs.getString("client_certificate"),
                rs.getString("subject_token"), rs.getString("reason"), rs.getObject("item_count", Integer.class));
    }

    private static <T> T typed(ResultSet rs, String column, Function<String, T> type) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : type.apply(text);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
