package ir.nix.monitoring.traffic;

import ir.nix.policy.DenialReason;
import java.util.Set;

/**
 * The four ways an exchange can end, as operators and auditors count them. The outcome code stays in
 * every record and report; the class only decides which rate it counts towards.
 *
 * <ul>
 *   <li>{@link #ANSWERED}: the provider gave a definitive answer ({@code OK}, or {@code NOT_FOUND}: it holds
 *       no such record) - this is the success rate's numerator;</li>
 *   <li>{@link #DENIED}: the policy engine refused (the {@link DenialReason} codes);</li>
 *   <li>{@link #REJECTED}: the request itself was unusable (invalid input, unknown service, unidentified
 *       caller, refused by the provider as invalid);</li>
 *   <li>{@link #FAILED}: the provider or the bus failed (error, unavailable, timeout, internal error).</li>
 * </ul>
 */
public enum OutcomeClass {
    ANSWERED, DENIED, REJECTED, FAILED;

    private static final Set<String> ANSWERS = Set.of("OK", "NOT_FOUND");
    private static final Set<String> REJECTIONS = Set.of("MALFORMED_REQUEST", "INVALID_INPUT", "CONSUMER_NOT_IDENTIFIED",
            "UNKNOWN_SERVICE", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "PROVIDER_REJECTED");
    private static final Set<String> PROVIDER_FAULTS = Set.of("PROVIDER_ERROR", "PROVIDER_UNAVAILABLE", "PROVIDER_TIMEOUT");

    /** Unknown codes count as failures: a new code must not silently improve the success rate. */
    public static OutcomeClass of(String outcome) {
        if (ANSWERS.contains(outcome)) {
            return ANSWERED;
        }
        if (isDenial(outcome)) {
            return DENIED;
        }
        return REJECTIONS.contains(outcome) ? REJECTED : FAILED;
    }

    public static boolean isDenial(String outcome) {
        for (DenialReason reason : DenialReason.values()) {
            if (reason.name().equals(outcome)) {
                return true;
            }
        }
        return false;
    }

    /** Outcomes that count against the provider's health: it failed, was unreachable or too slow. */
    public static boolean isProviderFault(String outcome) {
        return PROVIDER_FAULTS.contains(outcome);
    }

    /** Whether the exchange reached the provider: it answered, refused the request, or faulted. */
    public static boolean reachedProvider(String outcome) {
        return ANSWERS.contains(outcome) || "PROVIDER_REJECTED".equals(outcome) || isProviderFault(outcome);
    }
}
