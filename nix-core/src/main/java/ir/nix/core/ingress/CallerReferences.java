package ir.nix.core.ingress;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.identifier.MobileNumber;
import ir.nix.core.identifier.NationalCode;
import ir.nix.core.identifier.PostalCode;
import ir.nix.core.inquiry.InquiryRequest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's own request reference and its on-behalf-of claim, read the same way on every channel
 * (REST headers {@code X-Request-Id} / {@code X-NIX-On-Behalf-Of}, SOAP headers {@code RequestId} /
 * {@code OnBehalfOf}). Both are recorded or judged, so both must be harmless tokens.
 */
public final class CallerReferences {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:\\-]{1,64}");
    private static final String UNREADABLE = "(unreadable)";
    /** Runs of digits as long as a national code (10), legal-entity ID or mobile (11), or 98-prefixed mobile (12). */
    private static final Pattern IDENTIFIER_LENGTH_DIGITS = Pattern.compile("(?<!\\d)\\d{10,12}(?!\\d)");

    private CallerReferences() {
    }

    /**
     * @param requestId      the caller's reference as sent, or null
     * @param onBehalfOf     the party the caller claims to act for, as sent, or null
     * @param requestIdLabel how the channel names the reference, for the refusal's detail
     */
    public static void read(String requestId, String onBehalfOf, String requestIdLabel, InquiryRequest.Builder request) {
        if (requestId != null) {
            if (!TOKEN.matcher(requestId).matches()) {
                request.rejectedWith(OutcomeCode.INVALID_INPUT, requestIdLabel + ": must be 1-64 letters, digits or . _ : -");
            } else if (carriesPersonalIdentifier(requestId)) {
                request.rejectedWith(OutcomeCode.INVALID_INPUT, requestIdLabel
                        + ": must not contain a national code, legal-entity ID, postal code or mobile number (it is stored)");
            } else {
                request.callerRequestId(Optional.of(requestId));
            }
        }
        if (onBehalfOf != null) {
            // 003 Art. 34: any claim to act for a third party goes to the policy engine, readable or not.
            request.onBehalfOf(Optional.of(TOKEN.matcher(onBehalfOf).matches() ? onBehalfOf : UNREADABLE));
        }
    }

    /** Whether a caller's reference may be kept (recorded, or held by the broker for duplicate detection). */
    public static boolean isRecordable(String reference) {
        return reference != null && TOKEN.matcher(reference).matches() && !carriesPersonalIdentifier(reference);
    }

    /**
     * 003 Art. 31.4: the reference is recorded, so a caller that uses the subject's identifier as its
     * reference would put that identifier in the store. Any digit run that is a valid identifier refuses it.
     */
    static boolean carriesPersonalIdentifier(String reference) {
        Matcher digits = IDENTIFIER_LENGTH_DIGITS.matcher(reference);
        while (digits.find()) {
            String run = digits.group();
            if (NationalCode.parse(run).isValid() || LegalEntityId.parse(run).isValid() || PostalCode.parse(run).isValid()
                    || MobileNumber.parse(run).isValid()) {
                return true;
            }
        }
        return false;
    }
}
