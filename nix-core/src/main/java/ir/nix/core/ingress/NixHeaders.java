package ir.nix.core.ingress;

/** The HTTP headers of the bus's external contract (README "API by example"), named once. */
public final class NixHeaders {

    /** Demo and tests only: the consumer agency's code (prod identifies the client certificate). */
    public static final String CONSUMER = "X-NIX-Consumer";
    /** Every reply: the exchange's tracking ID (003 Art. 13). */
    public static final String TRACKING_ID = "X-NIX-Tracking-Id";
    /** The caller's own reference, recorded with the exchange. */
    public static final String REQUEST_ID = "X-Request-Id";
    /** The agency a consumer asks for, refused as re-delegation. */
    public static final String ON_BEHALF_OF = "X-NIX-On-Behalf-Of";
    /** Demo and tests only: the operator-API viewer's role. */
    public static final String ROLE = "X-NIX-Role";
    /** The SHA-256 fingerprint of the bus certificate that signs reports and checkpoints. */
    public static final String CERTIFICATE_SHA256 = "X-NIX-Certificate-SHA256";

    private NixHeaders() {
    }
}
