package ir.nix.core.hub;

/**
 * The two headers a cluster hub adds when it forwards an inquiry to the national hub: the consumer it acts for
 * and its own tracking ID of the exchange. The national hub honours them only from a registered hub's
 * certificate ({@link HubProperties#forwarders()}); from anybody else they are refused as re-delegation.
 */
public final class ForwardedInquiry {

    /** The agency that called the cluster hub; the national hub decides policy for it. */
    public static final String CONSUMER = "X-NIX-Forwarded-Consumer";
    /** The cluster hub's tracking ID: the national hub's record carries it as its parent. */
    public static final String TRACKING_ID = "X-NIX-Forwarded-Tracking-Id";

    private ForwardedInquiry() {
    }
}
