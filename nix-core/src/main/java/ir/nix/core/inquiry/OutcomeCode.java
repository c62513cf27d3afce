package ir.nix.core.inquiry;

import ir.nix.policy.DenialReason;

/**
 * How an exchange ended: the stable, documented {@code code} of the error model, the HTTP status the
 * REST channel answers with, and the title of its problem document. SOAP faults carry the same code.
 */
public enum OutcomeCode {
    OK(200, "Answered"),
    NOT_FOUND(404, "The provider holds no record for this request"),
    MALFORMED_REQUEST(400, "The request body could not be read"),
    INVALID_INPUT(400, "Invalid input"),
    CONSUMER_NOT_IDENTIFIED(401, "Consumer not identified"),
    UNKNOWN_SERVICE(404, "Unknown service"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    NO_GRANT(403, "No grant for this consumer and service"),
    GRANT_NOT_YET_VALID(403, "Grant not yet valid"),
    GRANT_EXPIRED(403, "Grant expired"),
    GRANT_REVOKED(403, "Grant revoked"),
    CONDITION_FAILED(403, "A condition of the grant is not met"),
    REDELEGATION_FORBIDDEN(403, "Re-delegation of a service is forbidden"),
    QUOTA_EXCEEDED(429, "Quota exceeded"),
    PROVIDER_REJECTED(400, "The provider rejected the request"),
    PROVIDER_ERROR(502, "Provider error"),
    PROVIDER_UNAVAILABLE(503, "Provider unavailable"),
    PROVIDER_TIMEOUT(504, "Provider timeout"),
    INTERNAL_ERROR(500, "Internal error");

    private final int httpStatus;
    private final String title;

    OutcomeCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    public boolean isSuccess() {
        return this == OK;
    }

    /** Problem type URI of RFC 9457: stable and dereferenceable in the bus's docs. */
    public String problemType() {
        return "urn:nix:problem:" + name().toLowerCase().replace('_', '-');
    }

    public static OutcomeCode of(DenialReason reason) {
        return OutcomeCode.valueOf(reason.name());
    }
}
