package ir.nix.core.traffic;

import ir.nix.core.traffic.chain.ChainedRecord;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The traffic table: H2 embedded by default, PostgreSQL in production; one schema, managed by Flyway.
 * Inserts are idempotent on the tracking ID, so a record delivered twice is stored once; every record
 * is stored with its link in the writing node's hash chain ({@link ir.nix.core.traffic.chain.TrafficChain}).
 */
@Component
public class TrafficStore {

    /** The record's columns, in {@link TrafficRecord}'s order, as {@link #read} expects them. */
    public static final String COLUMNS = "tracking_id, parent_tracking_id, caller_request_id, channel, consumer, provider, "
            + "service, service_version, grant_id, resolution_ref, policy_version, policy_hash, decision, outcome, "
            + "status, received_at, forwarded_at, answered_at, total_micros, provider_micros, request_bytes, "
            + "reply_bytes, bus_node, client_certificate, subject_token";

    private final JdbcTemplate jdbc;
    private final String insert;

    public TrafficStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insert = insertStatement(jdbc);
    }

    /** Idempotent on the tracking ID in each store's own dialect: a redelivered record is stored once. */
    private static String insertStatement(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        String columns = COLUMNS + ", chain_node, chain_seq, chain_hash";
        String values = "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return "INSERT INTO traffic_record (" + columns + ") " + values + " ON CONFLICT DO NOTHING";
        }
        return "MERGE INTO traffic_record (" + columns + ") KEY (tracking_id) " + values;
    }

    /** In the caller's transaction. @return rows stored per record; 0 where the tracking ID was already stored (PostgreSQL) */
    public int[] insert(List<ChainedRecord> records) {
        return records.isEmpty() ? new int[0] : jdbc.batchUpdate(insert, records, records.size(), TrafficStore::bind)[0];
    }

    public Optional<TrafficRecord> find(String trackingId) {
        List<TrafficRecord> found = jdbc.query("SELECT " + COLUMNS + " FROM traffic_record WHERE tracking_id = ?",
                TrafficStore::read, trackingId);
        return found.stream().findFirst();
    }

    /** Exchanges whose subject token is one of {@code tokens}, oldest first. */
    public List<TrafficRecord> findBySubjectTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(tokens.size(), "?"));
        return jdbc.query("SELECT " + COLUMNS + " FROM traffic_record WHERE subject_token IN (" + marks + ") ORDER BY received_at",
                TrafficStore::read, tokens.toArray());
    }

    public long count() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM traffic_record", Long.class);
        return count == null ? 0 : count;
    }

    private static void bind(PreparedStatement ps, ChainedRecord chained) throws SQLException {
        bind(ps, chained.record());
        ps.setString(26, chained.link().node());
        ps.setLong(27, chained.link().seq());
        ps.setString(28, chained.link().hash());
    }

    private static void bind(PreparedStatement ps, TrafficRecord r) throws SQLException {
        int i = 0;
        ps.setString(++i, r.trackingId());
        ps.setString(++i, r.parentTrackingId());
        ps.setString(++i, r.callerRequestId());
        ps.setString(++i, r.channel());
        ps.setString(++i, r.consumer());
        ps.setString(++i, r.provider());
        ps.setString(++i, r.service());
        ps.setString(++i, r.serviceVersion());
        ps.setString(++i, r.grantId());
        ps.setString(++i, r.resolutionRef());
        ps.setString(++i, r.policyVersion());
        ps.setString(++i, r.policyHash());
        ps.setString(++i, r.decision());
        ps.setString(++i, r.outcome());
        ps.setInt(++i, r.status());
        ps.setObject(++i, timestamp(r.receivedAt()));
        ps.setObject(++i, timestamp(r.forwardedAt()));
        ps.setObject(++i, timestamp(r.answeredAt()));
        ps.setLong(++i, r.totalMicros());
        if (r.providerMicros() == null) {
            ps.setNull(++i, Types.BIGINT);
        } else {
            ps.setLong(++i, r.providerMicros());
        }
        ps.setInt(++i, r.requestBytes());
        ps.setInt(++i, r.replyBytes());
        ps.setString(++i, r.busNode());
        ps.setString(++i, r.clientCertificate());
        ps.setString(++i, r.subjectToken());
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** One row of {@link #COLUMNS}. */
    public static TrafficRecord read(ResultSet rs, int row) throws SQLException {
        return new TrafficRecord(rs.getString("tracking_id"), rs.getString("parent_tracking_id"),
                rs.getString("caller_request_id"), rs.getString("channel"), rs.getString("consumer"),
                rs.getString("provider"), rs.getString("service"), rs.getString("service_version"),
                rs.getString("grant_id"), rs.getString("resolution_ref"), rs.getString("policy_version"),
                rs.getString("policy_hash"), rs.getString("decision"), rs.getString("outcome"), rs.getInt("status"),
                instant(rs, "received_at"), instant(rs, "forwarded_at"), instant(rs, "answered_at"),
                rs.getLong("total_micros"), rs.getObject("provider_micros", Long.class), rs.getInt("request_bytes"),
                rs.getInt("reply_bytes"), rs.getString("bus_node"), rs.getString("client_certificate"),
                rs.getString("subject_token"));
    }
}
