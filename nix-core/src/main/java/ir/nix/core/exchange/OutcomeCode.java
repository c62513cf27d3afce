package ir.nix.core.exchange;

import ir.nix.policy.DenialReason;
import java.util.Locale;

/**
 * How an exchange ended: the stable, documented {@code code} of the error model, the HTTP status the
 * REST channel answers with, and the title of its problem document. SOAP faults carry the same code.
 */
public enum OutcomeCode {
    OK(200, OutcomeClass.ANSWERED, "Answered"),
    NOT_FOUND(404, OutcomeClass.ANSWERED, "The provider holds no record for this request"),
    MALFORMED_REQUEST(400, OutcomeClass.REJECTED, "The request body could not be read"),
    INVALID_INPUT(400, OutcomeClass.REJECTED, "Invalid input"),
    CONSUMER_NOT_IDENTIFIED(401, OutcomeClass.REJECTED, "Consumer not identified"),
    UNKNOWN_SERVICE(404, OutcomeClass.REJECTED, "Unknown service"),
    PAYLOAD_TOO_LARGE(413, OutcomeClass.REJECTED, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, OutcomeClass.REJECTED, "Unsupported media type"),
    NO_GRANT(403, OutcomeClass.DENIED, "No grant for this consumer and service"),
    GRANT_NOT_YET_VALID(403, OutcomeClass.DENIED, "Grant not yet valid"),
    GRANT_EXPIRED(403, OutcomeClass.DENIED, "Grant expired"),
    GRANT_REVOKED(403, OutcomeClass.DENIED, "Grant revoked"),
    CONDITION_FAILED(403, OutcomeClass.DENIED, "A condition of the grant is not met"),
    REDELEGATION_FORBIDDEN(403, OutcomeClass.DENIED, "Re-delegation of a service is forbidden"),
    QUOTA_EXCEEDED(429, OutcomeClass.DENIED, "Quota exceeded"),
    PROVIDER_REJECTED(400, OutcomeClass.REJECTED, "The provider rejected the request"),
    PROVIDER_ERROR(502, OutcomeClass.FAILED, "Provider error"),
    PROVIDER_UNAVAILABLE(503, OutcomeClass.FAILED, "Provider unavailable"),
    PROVIDER_TIMEOUT(504, OutcomeClass.FAILED, "Provider timeout"),
    BUS_SATURATED(503, OutcomeClass.FAILED, "The bus node is saturated"),
    TRAFFIC_PATH_UNAVAILABLE(503, OutcomeClass.FAILED, "The traffic record path is unavailable"),
    NODE_NOT_READY(503, OutcomeClass.FAILED, "The bus node is still starting"),
    INTERNAL_ERROR(500, OutcomeClass.FAILED, "Internal error"),
    /**
     * Refused at the HTTP perimeter before any channel saw it (a header over the limit, a bad path, an
     * unknown path, a wrong method): the record's {@code status} is the one answered, its {@code reason}
     * the problem's code. Not an inquiry's problem code: the caller's problem names the precise one.
     */
    PERIMETER_REJECTED(400, OutcomeClass.REJECTED, "Refused at the perimeter");

    private final int httpStatus;
    private final OutcomeClass outcomeClass;
    private final String title;

    OutcomeCode(int httpStatus, OutcomeClass outcomeClass, String title) {
        this.httpStatus = httpStatus;
        this.outcomeClass = outcomeClass;
        this.title = title;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Which rate operators and auditors count this outcome towards. */
    public OutcomeClass outcomeClass() {
        return outcomeClass;
    }

    /** A refusal of the policy engine: the {@link DenialReason} codes. */
    public boolean isDenial() {
        return outcomeClass == OutcomeClass.DENIED;
    }

    /** Counts against the provider's health: it failed, was unreachable or too slow. */
    public boolean isProviderFault() {
        return this == PROVIDER_ERROR || this == PROVIDER_UNAVAILABLE || this == PROVIDER_TIMEOUT;
    }

    /** The exchange reached the provider: it answered, refused the request, or faulted. */
    public boolean reachedProvider() {
        return outcomeClass == OutcomeClass.ANSWERED || this == PROVIDER_REJECTED || isProviderFault();
    }

    public String title() {
        return title;
    }

    public boolean isSuccess() {
        return this == OK;
    }

    /** A code an inquiry's problem document can carry (all but the perimeter's record-only outcome). */
    public boolean isInquiryProblem() {
        return !isSuccess() && this != PERIMETER_REJECTED;
    }

    /** Problem type URI of RFC 9457: stable and dereferenceable in the bus's docs. */
    public String problemType() {
        return problemType(name());
    }

    /** The problem type URI of any stable code, also those outside the inquiry pipeline (e.g. a rejected bundle). */
    public static String problemType(String code) {
        return "urn:nix:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OutcomeCode of(DenialReason reason) {
        return OutcomeCode.valueOf(reason.name());
    }
}
