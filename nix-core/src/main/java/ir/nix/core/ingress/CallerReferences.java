package ir.nix.core.ingress;

import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.inquiry.OutcomeCode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caller's own request reference and its on-behalf-of claim, read the same way on every channel
 * (REST headers {@code X-Request-Id} / {@code X-NIX-On-Behalf-Of}, SOAP headers {@code RequestId} /
 * {@code OnBehalfOf}). Both are recorded or judged, so both must be harmless tokens.
 */
public final class CallerReferences {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final String UNREADABLE = "(unreadable)";

    private CallerReferences() {
    }

    /**
     * @param requestId      the caller's reference as sent, or null
     * @param onBehalfOf     the party the caller claims to act for, as sent, or null
     * @param requestIdLabel how the channel names the reference, for the refusal's detail
     */
    public static void read(String requestId, String onBehalfOf, String requestIdLabel, InquiryRequest.Builder request) {
        if (requestId != null) {
            if (TOKEN.matcher(requestId).matches()) {
                request.callerRequestId(Optional.of(requestId));
            } else {
                request.rejectedWith(OutcomeCode.INVALID_INPUT, requestIdLabel + ": must be 1-64 letters, digits or . _ : -");
            }
        }
        if (onBehalfOf != null) {
            // 003 Art. 34: any claim to act for a third party goes to the policy engine, readable or not.
            request.onBehalfOf(Optional.of(TOKEN.matcher(onBehalfOf).matches() ? onBehalfOf : UNREADABLE));
        }
    }
}
