package ir.nix.core.inquiry;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the pipeline answers. On success {@code data} holds only the granted items; on failure
 * {@code detail} names the field or rule (never request content).
 */
public record InquiryReply(TrackingId trackingId, OutcomeCode outcome, Optional<ServiceCode> service,
                           Optional<AgencyCode> provider, Map<String, Object> data, String detail,
                           Optional<Duration> retryAfter, byte[] encoded) {

    public boolean isSuccess() {
        return outcome.isSuccess();
    }

    /** Whole seconds the caller should wait before trying again (at least one), when the bus said to wait. */
    public OptionalLong retryAfterSeconds() {
        return retryAfter.map(wait -> OptionalLong.of(Math.max(1, wait.toSeconds()))).orElseGet(OptionalLong::empty);
    }

    InquiryReply withEncoded(byte[] bytes) {
        return new InquiryReply(trackingId, outcome, service, provider, data, detail, retryAfter, bytes);
    }

    @Override
    public String toString() {
        return "InquiryReply[" + trackingId + " " + outcome + "]";
    }
}
