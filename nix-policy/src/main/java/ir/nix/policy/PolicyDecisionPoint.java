package ir.nix.policy;

/**
 * Decides whether a consumer agency may receive a service's data, and which data items.
 *
 * <p>Every reply of the bus is decided here (no grant, no data). Implementations hold the active
 * policy bundle in memory: a decision never touches a database or the network.
 */
public interface PolicyDecisionPoint {

    Decision decide(DecisionRequest request);

    /** Version label and content hash of the policy bundle decisions are currently made on. */
    BundleIdentity activeBundle();
}
