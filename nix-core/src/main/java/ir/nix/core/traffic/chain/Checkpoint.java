package ir.nix.core.traffic.chain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A signed statement "node N's chain had head H at sequence S, S − P records after the checkpoint at P".
 * The bus signs {@link #canonicalText()}; the count makes a deleted checkpoint visible in the next one.
 *
 * @param node        the chain's bus node
 * @param seq         the chain head's sequence number
 * @param headHash    the chain head's hash
 * @param recordCount records chained since the node's previous checkpoint (all of them for the first)
 * @param createdAt   when the checkpoint was taken (microseconds, as stored)
 */
public record Checkpoint(String node, long seq, String headHash, long recordCount, Instant createdAt) {

    public Checkpoint {
        createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * What is signed: six lines joined by {@code \n}, UTF-8: {@code nix-traffic-checkpoint}, {@code node=…},
     * {@code seq=…}, {@code head=…}, {@code count=…}, {@code created=…} (timestamp as in {@link CanonicalForm}).
     */
    public byte[] canonicalText() {
        return String.join("\n", "nix-traffic-checkpoint", "node=" + node, "seq=" + seq, "head=" + headHash,
                "count=" + recordCount, "created=" + CanonicalForm.timestamp(createdAt)).getBytes(StandardCharsets.UTF_8);
    }
}
