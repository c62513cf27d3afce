package ir.nix.core.traffic;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.inquiry.Channel;
import ir.nix.core.inquiry.OutcomeCode;
import ir.nix.core.inquiry.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.traffic.chain.ChainedRecord;
import ir.nix.core.tracking.TrackingId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The traffic table: H2 embedded by default, PostgreSQL in production; one schema, managed by Flyway.
 * Inserts are idempotent on the tracking ID, so a record delivered twice is stored once; every record
 * is stored with its link in the writing node's hash chain ({@link ir.nix.core.traffic.chain.TrafficChain}).
 * Binding iterates {@link TrafficColumn} by name, reading names each column: no positional index anywhere.
 */
@Component
public class TrafficStore {

    /** The record's columns, in {@link TrafficColumn}'s order, as {@link #read} expects them. */
    public static final String COLUMNS = TrafficColumn.NAMES;

    private static final List<String> CHAIN_COLUMNS = List.of("chain_node", "chain_seq", "chain_hash");

    private final NamedParameterJdbcTemplate named;
    private final JdbcClient jdbc;
    private final String insert;

    public TrafficStore(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.jdbc = JdbcClient.create(named);
        this.insert = insertStatement(jdbc);
    }

    /** Idempotent on the tracking ID in each store's own dialect: a redelivered record is stored once. */
    private static String insertStatement(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        List<String> names = Arrays.stream(TrafficColumn.values()).map(TrafficColumn::column).collect(Collectors.toList());
        names.addAll(CHAIN_COLUMNS);
        String columns = String.join(", ", names);
        String values = "VALUES (" + names.stream().map(name -> ":" + name).collect(Collectors.joining(", ")) + ")";
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return "INSERT INTO traffic_record (" + columns + ") " + values + " ON CONFLICT DO NOTHING";
        }
        return "MERGE INTO traffic_record (" + columns + ") KEY (tracking_id) " + values;
    }

    /** In the caller's transaction. @return rows stored per record; 0 where the tracking ID was already stored (PostgreSQL) */
    public int[] insert(List<ChainedRecord> records) {
        if (records.isEmpty()) {
            return new int[0];
        }
        return named.batchUpdate(insert, records.stream().map(TrafficStore::parameters).toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource parameters(ChainedRecord chained) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        for (TrafficColumn column : TrafficColumn.values()) {
            parameters.addValue(column.column(), column.bindable(chained.record()), column.sqlType());
        }
        return parameters.addValue("chain_node", chained.link().node(), Types.VARCHAR)
                .addValue("chain_seq", chained.link().seq(), Types.BIGINT)
                .addValue("chain_hash", chained.link().hash(), Types.VARCHAR);
    }

    public Optional<TrafficRecord> find(String trackingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM traffic_record WHERE tracking_id = :trackingId")
                .param("trackingId", trackingId).query(TrafficStore::read).optional();
    }

    /** Exchanges whose subject token is one of {@code tokens}, oldest first. */
    public List<TrafficRecord> findBySubjectTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM traffic_record WHERE subject_token IN (:tokens) ORDER BY received_at")
                .param("tokens", tokens).query(TrafficStore::read).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM traffic_record").query(Long.class).single();
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
                rs.getString("subject_token"));
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
