package ir.nix.policy;

import java.util.Optional;
import java.util.Set;

/**
 * The publication feeds the bus carries, as far as the policy engine needs to know them: so that a
 * bundle subscribing an agency to an unknown feed, from the wrong provider or to an item the feed does
 * not deliver is rejected on load. Supplied by the bus from its feed descriptors.
 */
public interface FeedVocabulary {

    /** A bus that carries no feeds. */
    FeedVocabulary NONE = code -> Optional.empty();

    Optional<FeedTerms> feed(String feedCode);

    /**
     * @param provider  agency code of the publishing provider
     * @param dataItems every item a delivery of the feed can carry (for tokenised feeds {@code token}, never
     *                  the identifier it replaces)
     */
    record FeedTerms(String code, String provider, Set<String> dataItems) {
        public FeedTerms {
            dataItems = Set.copyOf(dataItems);
        }
    }
}
