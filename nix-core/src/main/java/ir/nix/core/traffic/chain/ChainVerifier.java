package ir.nix.core.traffic.chain;

import ir.nix.core.signing.CertificatePem;
import ir.nix.core.signing.CmsSignatures;
import ir.nix.core.signing.CmsVerification;
import ir.nix.core.traffic.TrafficColumn;
import ir.nix.core.traffic.TrafficStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recomputes node chains from the store alone, over plain JDBC (no bus needed, so an auditor can run
 * it against a copy), and names the first break: a modified, deleted or inserted record, a forged,
 * rewritten-over or deleted checkpoint. All reads run in one repeatable-read transaction, so a bus
 * writing meanwhile does not disturb the result.
 *
 * <p>Checkpoint signatures are checked against the trusted certificates given; with none, against the
 * certificate stored with each checkpoint, which proves only that the checkpoints are consistent
 * with themselves. {@link ChainReport#signers()} then lets the auditor compare fingerprints.
 */
public final class ChainVerifier {

    /** Which chains and which part of them; null means all nodes, from the first to the last stored. */
    public record Scope(String node, Long fromSeq, Long toSeq) {
    }

    private static final int FETCH = 1_000;

    private final Connection db;
    private final List<X509Certificate> trusted;

    public ChainVerifier(Connection db, List<X509Certificate> trusted) {
        this.db = db;
        this.trusted = List.copyOf(trusted);
    }

    public List<ChainReport> verify(Scope scope) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            List<ChainReport> reports = new ArrayList<>();
            for (String node : scope.node() != null ? List.of(scope.node()) : nodes()) {
                reports.add(new Walk(node).run(scope));
            }
            return reports;
        } finally {
            db.rollback();
            db.setAutoCommit(autoCommit);
        }
    }

    private List<String> nodes() throws SQLException {
        List<String> nodes = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT chain_node FROM traffic_record WHERE chain_node IS NOT NULL "
                + "UNION SELECT chain_node FROM traffic_checkpoint ORDER BY 1");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                nodes.add(rows.getString(1));
            }
        }
        return nodes;
    }

    private Optional<Object> single(String sql, Object... arguments) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                query.setObject(i + 1, arguments[i]);
            }
            query.setMaxRows(1);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getObject(1)) : Optional.empty();
            }
        }
    }

    private long number(String sql, Object... arguments) throws SQLException {
        return single(sql, arguments).map(value -> ((Number) value).longValue()).orElse(0L);
    }

    private Optional<String> text(String sql, Object... arguments) throws SQLException {
        return single(sql, arguments).map(Object::toString);
    }

    /** A row as stored, not parsed: a tampered value must show as a broken hash, not fail to read. */
    private record StoredRecord(List<Object> columns, long seq, String hash) {

        String trackingId() {
            return (String) columns.get(TrafficColumn.TRACKING_ID.ordinal());
        }

        Instant receivedAt() {
            return (Instant) columns.get(TrafficColumn.RECEIVED_AT.ordinal());
        }
    }

    private record StoredCheckpoint(Checkpoint checkpoint, byte[] signature, String certificatePem) {
    }

    /** One node's chain, walked in sequence order with one record of look-ahead. */
    private final class Walk {

        private final String node;
        private final Set<String> signers = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private long firstSeq;
        private long lastSeq;
        private long expected;
        private String previous;
        private long records;
        private long checkpoints;
        private long lastAnchoredSeq;
        private Instant lastAnchoredAt;
        private long previousCheckpointSeq;
        private long lastCheckpointOfNode;
        private Instant firstReceived;
        private ChainBreak broken;

        Walk(String node) {
            this.node = node;
        }

        ChainReport run(Scope scope) throws SQLException {
            long minSeq = number("SELECT MIN(chain_seq) FROM traffic_record WHERE chain_node = ?", node);
            long maxSeq = number("SELECT MAX(chain_seq) FROM traffic_record WHERE chain_node = ?", node);
            lastCheckpointOfNode = number("SELECT MAX(chain_seq) FROM traffic_checkpoint WHERE chain_node = ?", node);
            long from = scope.fromSeq() != null ? scope.fromSeq() : Math.max(minSeq, 1);
            long to = scope.toSeq() != null ? scope.toSeq() : Math.max(maxSeq, lastCheckpointOfNode);
            if (to >= from) {
                firstSeq = from;
                lastSeq = from - 1;
                anchor(from, scope.fromSeq() == null);
                previousCheckpointSeq = number("SELECT MAX(chain_seq) FROM traffic_checkpoint WHERE chain_node = ? "
                        + "AND chain_seq < ?", node, from);
                walk(from, to);
            }
            if (broken == null && records > 0) {
                findUnchained();
            }
            if (broken == null && lastAnchoredSeq < Math.min(lastSeq, lastCheckpointOfNode)) {
                notes.add("the range ends before the checkpoint at seq " + lastCheckpointOfNode + " that anchors its last "
                        + "records; verify up to that seq to check it");
            }
            long unanchored = records == 0 ? 0 : lastSeq - Math.max(lastCheckpointOfNode, firstSeq - 1);
            return new ChainReport(node, firstSeq, lastSeq, records, checkpoints, lastAnchoredSeq, lastAnchoredAt,
                    Math.max(unanchored, 0), List.copyOf(signers), List.copyOf(notes), Optional.ofNullable(broken));
        }

        /** The hash the first record in range must follow: genesis, its stored predecessor, or a checkpoint there. */
        private void anchor(long from, boolean fromOldestStored) throws SQLException {
            expected = from;
            if (from <= 1) {
                previous = ChainLink.GENESIS_HASH;
                return;
            }
            Optional<String> stored = text("SELECT chain_hash FROM traffic_record WHERE chain_node = ? AND chain_seq = ?", node, from - 1);
            previous = stored.isPresent() ? stored.get()
                    : text("SELECT head_hash FROM traffic_checkpoint WHERE chain_node = ? AND chain_seq = ?", node, from - 1).orElse(null);
            if (previous == null) {
                notes.add("seq " + (from - 1) + " is not in the store" + (fromOldestStored ? " (past retention)" : "")
                        + ": the chain is checked from seq " + from + "'s own stored hash, which nothing before it vouches for");
            }
        }

        private void walk(long from, long to) throws SQLException {
            try (PreparedStatement recordQuery = db.prepareStatement("SELECT " + TrafficStore.COLUMNS + ", chain_seq, chain_hash "
                    + "FROM traffic_record WHERE chain_node = ? AND chain_seq BETWEEN ? AND ? ORDER BY chain_seq, tracking_id");
                 PreparedStatement checkpointQuery = db.prepareStatement("SELECT chain_seq, head_hash, record_count, created_at, "
                         + "signature, signer_certificate FROM traffic_checkpoint WHERE chain_node = ? AND chain_seq BETWEEN ? AND ? "
                         + "ORDER BY chain_seq")) {
                ResultSet recordRows = range(recordQuery, from, to);
                ResultSet checkpointRows = range(checkpointQuery, from, to);
                StoredCheckpoint pending = nextCheckpoint(checkpointRows);
                StoredRecord current = nextRecord(recordRows);
                while (current != null && broken == null) {
                    StoredRecord next = nextRecord(recordRows);
                    visit(current, next);
                    while (broken == null && pending != null && pending.checkpoint().seq() <= lastSeq) {
                        verify(pending);
                        pending = nextCheckpoint(checkpointRows);
                    }
                    current = next;
                }
                if (broken == null && pending != null) {
                    broken = new ChainBreak(ChainBreak.Kind.DELETED, expected, null, "seq " + expected + " is missing: "
                            + (records == 0 ? "no record of the range is stored" : "the store ends at seq " + lastSeq)
                            + " but the checkpoint at seq " + pending.checkpoint().seq() + " anchors records up to it"
                            + (records == 0 ? " (deleted, or all past retention)" : ""));
                }
            }
        }

        private ResultSet range(PreparedStatement query, long from, long to) throws SQLException {
            query.setString(1, node);
            query.setLong(2, from);
            query.setLong(3, to);
            query.setFetchSize(FETCH);
            return query.executeQuery();
        }

        private StoredRecord nextRecord(ResultSet rows) throws SQLException {
            return rows.next() ? new StoredRecord(TrafficColumn.values(rows), rows.getLong("chain_seq"), rows.getString("chain_hash")) : null;
        }

        private StoredCheckpoint nextCheckpoint(ResultSet rows) throws SQLException {
            if (!rows.next()) {
                return null;
            }
            Checkpoint checkpoint = new Checkpoint(node, rows.getLong(1), rows.getString(2), rows.getLong(3),
                    rows.getObject(4, OffsetDateTime.class).toInstant());
            return new StoredCheckpoint(checkpoint, rows.getBytes(5), rows.getString(6));
        }

        private void visit(StoredRecord current, StoredRecord next) {
            if (current.seq() < expected) {
                broken = inserted(current, "a second record carries seq " + current.seq());
            } else if (next != null && next.seq() == current.seq()) {
                broken = duplicate(current, next);
            } else if (current.seq() > expected) {
                broken = new ChainBreak(ChainBreak.Kind.DELETED, expected, null, "seq " + expected + " is missing: the record "
                        + "before it is seq " + lastSeq + ", the next stored is seq " + current.seq() + " (tracking ID "
                        + current.trackingId() + ")");
            } else if (previous != null && !hash(previous, current).equals(current.hash())) {
                broken = mismatch(current, next);
            } else {
                accept(current);
            }
        }

        private void accept(StoredRecord record) {
            previous = record.hash();
            expected = record.seq() + 1;
            lastSeq = record.seq();
            records++;
            Instant received = record.receivedAt();
            firstReceived = firstReceived == null || received.isBefore(firstReceived) ? received : firstReceived;
        }

        private String hash(String before, StoredRecord record) {
            return ChainLink.hash(before, CanonicalForm.of(node, record.seq(), record.columns()));
        }

        /** Two rows at one seq: the one that does not chain from its predecessor is the forgery. */
        private ChainBreak duplicate(StoredRecord first, StoredRecord second) {
            boolean firstChains = previous == null || hash(previous, first).equals(first.hash());
            return inserted(firstChains ? second : first, "two records carry seq " + first.seq());
        }

        private ChainBreak inserted(StoredRecord forged, String why) {
            return new ChainBreak(ChainBreak.Kind.INSERTED, forged.seq(), forged.trackingId(), why
                    + "; tracking ID " + forged.trackingId() + " is not the record the bus chained there");
        }

        /**
         * A record that does not hash to its stored value was changed, unless nothing vouches for it:
         * past the last checkpoint, with no successor chaining from its stored hash, it was never the bus's.
         */
        private ChainBreak mismatch(StoredRecord current, StoredRecord next) {
            boolean successorChains = next != null && next.seq() == current.seq() + 1 && hash(current.hash(), next).equals(next.hash());
            String trackingId = current.trackingId();
            if (successorChains || current.seq() <= lastCheckpointOfNode) {
                return new ChainBreak(ChainBreak.Kind.MODIFIED, current.seq(), trackingId, "record seq " + current.seq()
                        + " (tracking ID " + trackingId + ") no longer matches its chain hash: it was changed after it was chained");
            }
            return new ChainBreak(ChainBreak.Kind.INSERTED, current.seq(), trackingId, "record seq " + current.seq()
                    + " (tracking ID " + trackingId + ") does not chain from seq " + (current.seq() - 1) + " and no checkpoint "
                    + "anchors it (last checkpoint: seq " + lastCheckpointOfNode + "): a record added behind the bus's back");
        }

        private void verify(StoredCheckpoint stored) {
            Checkpoint checkpoint = stored.checkpoint();
            String at = "the checkpoint at seq " + checkpoint.seq() + " (" + CanonicalForm.timestamp(checkpoint.createdAt()) + ")";
            CmsVerification signature = signature(stored);
            if (signature instanceof CmsVerification.Invalid invalid) {
                broken = new ChainBreak(ChainBreak.Kind.FORGED_CHECKPOINT, checkpoint.seq(), null, at + " is not signed by the "
                        + (trusted.isEmpty() ? "certificate stored with it" : "trusted certificate") + ": " + invalid.reason());
            } else if (!checkpoint.headHash().equals(previous)) {
                broken = new ChainBreak(ChainBreak.Kind.REWRITTEN, checkpoint.seq(), null, "records seq "
                        + (previousCheckpointSeq + 1) + ".." + checkpoint.seq() + " chain consistently but not to the head "
                        + at + " signed: they were changed, deleted or inserted and the chain recomputed");
            } else if (checkpoint.recordCount() != checkpoint.seq() - previousCheckpointSeq) {
                broken = new ChainBreak(ChainBreak.Kind.MISSING_CHECKPOINT, checkpoint.seq(), null, at + " counts "
                        + checkpoint.recordCount() + " records since the previous checkpoint, but the previous one stored is at seq "
                        + previousCheckpointSeq + ": a checkpoint was deleted");
            } else {
                checkpoints++;
                lastAnchoredSeq = checkpoint.seq();
                lastAnchoredAt = checkpoint.createdAt();
                previousCheckpointSeq = checkpoint.seq();
                X509Certificate signer = ((CmsVerification.Valid) signature).signer();
                signers.add(signer.getSubjectX500Principal().getName() + " (SHA-256 " + CertificatePem.fingerprint(signer) + ")");
            }
        }

        private CmsVerification signature(StoredCheckpoint stored) {
            List<X509Certificate> candidates;
            try {
                candidates = trusted.isEmpty() ? List.of(CertificatePem.decode(stored.certificatePem())) : trusted;
            } catch (IllegalArgumentException unreadable) {
                return new CmsVerification.Invalid("its stored certificate cannot be read");
            }
            CmsVerification result = null;
            for (X509Certificate candidate : candidates) {
                result = CmsSignatures.verifyDetached(stored.checkpoint().canonicalText(), stored.signature(), candidate);
                if (result.isValid()) {
                    return result;
                }
            }
            return result;
        }

        /**
         * Every writer chains what it stores, so a row without chain fields that arrived after this chain
         * began was not written by a bus writer (only records stored before the chain existed may lack them).
         */
        private void findUnchained() throws SQLException {
            try (PreparedStatement query = db.prepareStatement("SELECT tracking_id, received_at FROM traffic_record "
                    + "WHERE chain_seq IS NULL AND received_at >= ? ORDER BY received_at")) {
                query.setObject(1, firstReceived.atOffset(ZoneOffset.UTC));
                query.setMaxRows(1);
                try (ResultSet rows = query.executeQuery()) {
                    if (rows.next()) {
                        String trackingId = rows.getString(1);
                        broken = new ChainBreak(ChainBreak.Kind.INSERTED, 0, trackingId, "record tracking ID " + trackingId
                                + " (received " + CanonicalForm.timestamp(rows.getObject(2, OffsetDateTime.class).toInstant())
                                + ") carries no chain fields, yet arrived after node " + node + "'s chain began ("
                                + CanonicalForm.timestamp(firstReceived) + "): no bus writer stored it");
                    }
                }
            }
        }
    }
}
