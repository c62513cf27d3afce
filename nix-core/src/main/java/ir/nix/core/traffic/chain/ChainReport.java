package ir.nix.core.traffic.chain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ChainVerifier} found for one node's chain.
 *
 * @param node              the chain's bus node
 * @param firstSeq          first sequence number checked (0 when the range held nothing)
 * @param lastSeq           last sequence number checked before the end or the break
 * @param records           records whose hash was recomputed and matched
 * @param checkpoints       checkpoints whose signature, head and count held
 * @param lastAnchoredSeq   the last checkpointed sequence number in the range, 0 if none
 * @param lastAnchoredAt    when that checkpoint was taken, or null
 * @param unanchored        verified records after the node's newest checkpoint: they chain, but nothing signed
 *                          vouches for them until the next checkpoint
 * @param signers           subject and SHA-256 fingerprint of each certificate that checkpoint signatures verified against
 * @param notes             things an auditor should know that are not breaks (unanchored start, …)
 * @param chainBreak        the first break, if any
 */
public record ChainReport(String node, long firstSeq, long lastSeq, long records, long checkpoints, long lastAnchoredSeq,
                          Instant lastAnchoredAt, long unanchored, List<String> signers, List<String> notes,
                          Optional<ChainBreak> chainBreak) {

    public boolean intact() {
        return chainBreak.isEmpty();
    }
}
