package ir.nix.core.identification;

/**
 * Why a client certificate identifies nobody. Each is answered {@code 401 CONSUMER_NOT_IDENTIFIED};
 * the detail goes into the problem's {@code detail}, the name into the traffic record's {@code reason}
 * and the refusal metric's {@code reason} label.
 */
public enum Refusal {
    NO_CERTIFICATE("no client certificate was presented"),
    UNTRUSTED_ISSUER("the client certificate is not issued by a trusted CA"),
    EXPIRED("the client certificate has expired"),
    NOT_YET_VALID("the client certificate is not yet valid"),
    REVOKED_CRL("the client certificate is revoked (by the CRL)"),
    REVOKED_OCSP("the client certificate is revoked (by its OCSP responder)"),
    REVOCATION_UNKNOWN("the revocation status of the client certificate could not be established"),
    INVALID("the client certificate chain is not valid"),
    UNREGISTERED("the client certificate is not in the certificate registry"),
    /** A registered certificate of an operator, auditor or scraper, presented for an inquiry. */
    NOT_AN_AGENCY("the client certificate is registered for operator access, not for an agency");

    private final String detail;

    Refusal(String detail) {
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
