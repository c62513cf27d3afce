package ir.nix.core.traffic.chain;

import ir.nix.core.traffic.TrafficRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A record's place in its node's chain: {@code hash = hex(SHA-256(previous hash || canonical form))},
 * where the previous hash enters as its 64 lowercase hex characters (so that an auditor can recompute a
 * link with {@code printf '%s%s' "$previous" "$canonical" | sha256sum}) and the first record of a node
 * follows {@link #GENESIS_HASH}.
 *
 * @param node the bus node whose writer chained the record
 * @param seq  1, 2, 3 … per node, without gaps; 0 is the genesis before the first record
 * @param hash this link's hash, 64 lowercase hex characters
 */
public record ChainLink(String node, long seq, String hash) {

    public static final String GENESIS_HASH = "0".repeat(64);

    public static ChainLink genesis(String node) {
        return new ChainLink(node, 0, GENESIS_HASH);
    }

    /** The link of {@code record} chained right after this one. */
    public ChainLink next(TrafficRecord record) {
        long nextSeq = seq + 1;
        return new ChainLink(node, nextSeq, hash(hash, CanonicalForm.of(node, nextSeq, record)));
    }

    public static String hash(String previous, byte[] canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
