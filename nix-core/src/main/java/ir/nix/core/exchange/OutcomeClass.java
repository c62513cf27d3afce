package ir.nix.core.exchange;

import ir.nix.policy.DenialReason;
import java.util.Arrays;

/**
 * The four ways an exchange can end, as operators and auditors count them. The outcome code stays in
 * every record and report; the class only decides which rate it counts towards. Each {@link OutcomeCode}
 * names its class, so a new code cannot be left out.
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

    /**
     * The class of a stored outcome code. Codes this build does not know (a store shared with a newer
     * node) count as failures: an unknown code must not silently improve the success rate.
     */
    public static OutcomeClass of(String outcome) {
        return Arrays.stream(OutcomeCode.values()).filter(code -> code.name().equals(outcome)).findFirst()
                .map(OutcomeCode::outcomeClass).orElse(FAILED);
    }
}
