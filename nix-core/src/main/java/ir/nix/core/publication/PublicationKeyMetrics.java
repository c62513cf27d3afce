package ir.nix.core.publication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.publication.keys.KeyVersion;
import ir.nix.core.publication.keys.PublicationKeys;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.bundle.Subscription;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * The rotation schedule on the metrics: {@code nix_publication_key_age_seconds{subscriber}}, the age of each
 * tokenised-feed subscriber's current key version, {@code -1} while it has none (its deliveries are
 * withheld). The alert rules compare it with {@code nix.publication.key-rotation}. Registered for the
 * subscriptions of the bundle the bus started with.
 */
@Component
class PublicationKeyMetrics {

    PublicationKeyMetrics(MeterRegistry meters, ActivePolicy policy, FeedCatalog feeds, PublicationKeys keys) {
        policy.bundle().subscriptions().stream()
                .filter(subscription -> feeds.find(subscription.feed()).map(FeedDescriptor::tokenised).orElse(false))
                .map(Subscription::subscriber)
                .distinct()
                .forEach(subscriber -> Gauge.builder("nix.publication.key.age", keys, k -> ageSeconds(k, subscriber))
                        .description("age of the subscriber's current publication key version; -1 when none is issued")
                        .baseUnit("seconds").tag("subscriber", subscriber).register(meters));
    }

    private static double ageSeconds(PublicationKeys keys, String subscriber) {
        AgencyCode agency = new AgencyCode(subscriber);
        return keys.versions().stream().filter(version -> version.agency().equals(agency))
                .max(Comparator.comparingInt(KeyVersion::version))
                .map(current -> (double) Duration.between(current.issuedAt(), Instant.now()).toSeconds())
                .orElse(-1.0);
    }
}
