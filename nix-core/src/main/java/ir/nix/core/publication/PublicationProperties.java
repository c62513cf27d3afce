package ir.nix.core.publication;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Publications ({@code nix.publication.*}): feeds providers publish and NIX delivers to subscribers.
 *
 * @param enabled        listen on every feed's publish address
 * @param feeds          resource pattern of the feed descriptor files
 * @param retention      a delivery nobody consumes expires (and is dropped) after this: the replay window
 * @param masterKey      base64 of at least 32 random bytes; subscribers' keys are derived from it. Without it,
 *                       tokenised feeds are delivered to nobody
 * @param keyRegistry    file of issued key versions (no key material)
 * @param keyOverlap     after a rotation, the previous key version is used beside the new one this long
 * @param keyRotation    the documented rotation period; a key older than this shows as due on the metrics
 * @param maxEntries     entries one publication may carry
 * @param backlogPoll    how often the subscribers' backlog is read from the broker's management address
 */
@ConfigurationProperties(prefix = "nix.publication")
public record PublicationProperties(@DefaultValue("true") boolean enabled,
                                    @DefaultValue(FeedCatalog.DEFAULT_LOCATION) String feeds,
                                    @DefaultValue("7d") Duration retention,
                                    String masterKey,
                                    @DefaultValue("./nix-data/publication-keys.txt") Path keyRegistry,
                                    @DefaultValue("14d") Duration keyOverlap,
                                    @DefaultValue("90d") Duration keyRotation,
                                    @DefaultValue("100000") int maxEntries,
                                    @DefaultValue("5s") Duration backlogPoll) {
}
