package ir.nix.core.traffic.chain;

/**
 * The first place a chain stops holding.
 *
 * @param kind       what was done to the store, as far as the chain can tell
 * @param seq        the sequence number where the chain breaks
 * @param trackingId the record concerned, or null (a missing record, a checkpoint)
 * @param detail     one sentence for operators and auditors
 */
public record ChainBreak(Kind kind, long seq, String trackingId, String detail) {

    public enum Kind {
        /** A record's metadata (or its stored hash) was changed after it was chained. */
        MODIFIED,
        /** A sequence number is missing: a record was deleted. */
        DELETED,
        /** A record that the bus never chained: without chain fields, with a duplicate or a forged sequence number. */
        INSERTED,
        /** A checkpoint whose signature does not verify: not made by the bus key. */
        FORGED_CHECKPOINT,
        /** The records up to a validly signed checkpoint no longer hash to its head: the chain was recomputed. */
        REWRITTEN,
        /** A checkpoint counts more records since its predecessor than lie between them: a checkpoint was deleted. */
        MISSING_CHECKPOINT
    }
}
