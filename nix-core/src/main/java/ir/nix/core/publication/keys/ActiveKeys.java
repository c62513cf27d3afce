package ir.nix.core.publication.keys;

import java.util.Optional;

/**
 * The keys a delivery to one subscriber is tokenised with: the current version, and during the overlap
 * window after a rotation also the previous one, so that a subscriber that has not yet installed its new
 * key still matches.
 */
public record ActiveKeys(SubscriberKey current, Optional<SubscriberKey> previous) {
}
