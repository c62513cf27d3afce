package ir.nix.policy;

import ir.nix.policy.lang.NonNull;
import java.time.Instant;
import java.util.Optional;

/**
 * What the bus knows when it asks for a decision: who asks, for which service of which provider,
 * whether the caller says it acts for a third party, and when. Carries no request content.
 *
 * @param consumer   agency code of the identified caller, e.g. {@code MOE}
 * @param service    service code, e.g. {@code shahkar}
 * @param provider   agency code of the provider, e.g. {@code CRA}
 * @param onBehalfOf agency code or free label of a party the caller says it acts for (003 Art. 34)
 * @param at         the instant the request was received
 */
public record DecisionRequest(String consumer, String service, String provider, Optional<String> onBehalfOf, Instant at) {

    public DecisionRequest {
        NonNull.components("consumer service provider onBehalfOf at", consumer, service, provider, onBehalfOf, at);
    }

    public static DecisionRequest of(String consumer, String service, String provider, Instant at) {
        return new DecisionRequest(consumer, service, provider, Optional.empty(), at);
    }
}
