package ir.nix.core.exchange;

/** Whether the policy engine was asked, and what it said; recorded with every exchange. */
public enum PolicyVerdict {
    PERMIT,
    DENY,
    /** The exchange ended before a decision was due (no consumer, invalid input, ...). */
    NOT_REACHED,
    /** A cluster hub sent the exchange on to the national hub, which decided it (003 Art. 32). */
    FORWARDED
}
