package ir.nix.core.publication;

import ir.nix.core.publication.keys.PublicationKeys;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The feeds the bus carries and the subscribers' keys, for the publication channel, the policy and the operators. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicationProperties.class)
class PublicationConfiguration {

    /** Also the policy's {@link ir.nix.policy.FeedVocabulary}: subscriptions are checked against these feeds. */
    @Bean
    FeedCatalog feedCatalog(PublicationProperties properties) {
        return FeedCatalog.read(properties.feeds());
    }

    @Bean
    PublicationKeys publicationKeys(PublicationProperties properties) {
        return new PublicationKeys(Optional.ofNullable(properties.masterKey()), properties.keyRegistry(),
                properties.keyOverlap());
    }
}
