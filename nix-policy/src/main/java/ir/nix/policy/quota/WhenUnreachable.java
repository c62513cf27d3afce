package ir.nix.policy.quota;

/**
 * What a node does with a grant's requests while the shared quota counter cannot be reached.
 */
public enum WhenUnreachable {

    /**
     * Refuse the request as over quota ({@code 429 QUOTA_EXCEEDED} with a short {@code Retry-After}): the
     * default, because a quota is a Working-Group limit on how much personal data a consumer may draw
     * (003 Art. 31) and an outage of the counter must not lift it.
     */
    CLOSED,

    /**
     * Count in this node's memory instead: each node then enforces the whole limit on its own, so the
     * cluster lets at most N times the limit through until the counter is back. For grants whose
     * consumer must keep working through a store outage (emergency services).
     */
    OPEN
}
