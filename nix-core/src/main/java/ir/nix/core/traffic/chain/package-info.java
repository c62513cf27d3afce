/**
 * Tamper evidence for the traffic store (architecture section 4; issue 5, item 3).
 *
 * <p>Every traffic record is a link in the hash chain of the bus node that wrote it: the node's single
 * writer gives each new record the next sequence number and {@code SHA-256(previous hash || canonical
 * form)}, in the same database transaction that stores it ({@link TrafficChain}). At an interval the
 * node signs its chain head with the bus key into {@code traffic_checkpoint} ({@link TrafficCheckpoints}).
 * {@link ChainVerifier} recomputes a chain from the store alone (plain JDBC) and names the first break.
 * Records are metadata only and so are their hashes: nothing here adds content to the store.
 */
package ir.nix.core.traffic.chain;
