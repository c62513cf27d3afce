package ir.nix.core.traffic.chain;

import ir.nix.core.traffic.TrafficRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The chain's own reads and writes: chain heads, already-stored tracking IDs, checkpoints. */
@Component
class ChainStore {

    private final JdbcTemplate jdbc;

    ChainStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The node's last link: the highest chained record, or the last checkpoint when retention has
     * dropped every record since (a restarted chain would otherwise reuse signed sequence numbers).
     */
    Optional<ChainLink> head(String node) {
        Stream<ChainLink> record = jdbc.query("SELECT chain_seq, chain_hash FROM traffic_record WHERE chain_node = ? "
                + "ORDER BY chain_seq DESC LIMIT 1", (rs, row) -> new ChainLink(node, rs.getLong(1), rs.getString(2)), node).stream();
        Stream<ChainLink> checkpoint = jdbc.query("SELECT chain_seq, head_hash FROM traffic_checkpoint WHERE chain_node = ? "
                + "ORDER BY chain_seq DESC LIMIT 1", (rs, row) -> new ChainLink(node, rs.getLong(1), rs.getString(2)), node).stream();
        return Stream.concat(record, checkpoint).max(Comparator.comparingLong(ChainLink::seq));
    }

    /**
     * Tracking IDs of {@code batch} already in the store (a redelivered batch). The arrival-time bounds
     * let PostgreSQL look in one or two daily partitions instead of all of them.
     */
    Set<String> storedAmong(List<TrafficRecord> batch) {
        if (batch.isEmpty()) {
            return new HashSet<>();
        }
        Instant first = batch.stream().map(TrafficRecord::receivedAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = batch.stream().map(TrafficRecord::receivedAt).max(Comparator.naturalOrder()).orElseThrow();
        List<Object> arguments = new ArrayList<>(batch.size() + 2);
        arguments.add(first.atOffset(ZoneOffset.UTC));
        arguments.add(last.atOffset(ZoneOffset.UTC));
        batch.forEach(record -> arguments.add(record.trackingId().toString()));
        String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
        return new HashSet<>(jdbc.queryForList("SELECT tracking_id FROM traffic_record WHERE received_at BETWEEN ? AND ? "
                + "AND tracking_id IN (" + marks + ")", String.class, arguments.toArray()));
    }

    /** Sequence number of the node's last checkpoint, 0 before the first. */
    long lastCheckpointSeq(String node) {
        Long seq = jdbc.queryForObject("SELECT MAX(chain_seq) FROM traffic_checkpoint WHERE chain_node = ?", Long.class, node);
        return seq == null ? 0 : seq;
    }

    void insertCheckpoint(Checkpoint checkpoint, byte[] signature, String signerCertificatePem) {
        jdbc.update("INSERT INTO traffic_checkpoint (chain_node, chain_seq, head_hash, record_count, created_at, signature, "
                        + "signer_certificate) VALUES (?, ?, ?, ?, ?, ?, ?)", checkpoint.node(), checkpoint.seq(),
                checkpoint.headHash(), checkpoint.recordCount(), checkpoint.createdAt().atOffset(ZoneOffset.UTC), signature,
                signerCertificatePem);
    }
}
