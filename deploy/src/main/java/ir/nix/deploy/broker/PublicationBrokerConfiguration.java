package ir.nix.deploy.broker;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.publication.FeedCatalog;
import ir.nix.core.publication.FeedDescriptor;
import ir.nix.core.publication.PublicationAddresses;
import ir.nix.core.publication.PublicationProperties;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.bundle.Subscription;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.core.transaction.Transaction;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The embedded broker as publications need it: each feed's publish address (only its provider may send),
 * one receipt queue per provider (only the provider may consume it), one durable queue per subscription
 * (only the subscriber may consume or browse it), generated from the feed descriptors and the policy
 * bundle's subscriptions. The backlog metrics of those queues: {@link PublicationBacklog}.
 *
 * <p>003 Art. 31.4: a publication of a tokenised feed carries national codes, so it is held in memory only
 * until NIX has fanned it out (as inquiries are, {@link TransientInquiries}); the subscribers' copies carry
 * tokens and are durable, expiring after {@code nix.publication.retention} (the replay window) into
 * nothing: no expiry address. Subscription queues are auto-created by the bus alone (agencies may not
 * create anything); a policy reload updates them and their permissions at once ({@link BrokerSubscriptions}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class PublicationBrokerConfiguration {

    private static final long IN_FLIGHT_MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern PUBLISH = Pattern.compile("nix\\.[A-Z][A-Z0-9_]{1,15}\\.publish\\.[a-z][a-z0-9-]*");

    @Bean
    ArtemisConfigurationCustomizer publicationBrokerSettings(FeedCatalog feeds, ActivePolicy policy,
                                                             PublicationProperties publications) {
        List<Subscription> subscriptions = policy.bundle().subscriptions();
        return configuration -> {
            configuration.registerBrokerPlugin(new TransientPublications());
            for (FeedDescriptor feed : feeds.all()) {
                String publish = PublicationAddresses.publish(feed.provider(), feed.code().value());
                configuration.putSecurityRoles(publish, Set.of(BrokerAddressSecurity.bus(),
                        BrokerAddressSecurity.sender(feed.provider().value())));
                queue(configuration, publish);
            }
            for (AgencyCode provider : feeds.all().stream().map(FeedDescriptor::provider).distinct().toList()) {
                String receipts = PublicationAddresses.receipts(provider);
                configuration.putSecurityRoles(receipts, Set.of(BrokerAddressSecurity.bus(),
                        BrokerAddressSecurity.receiver(provider.value())));
                queue(configuration, receipts);
            }
            for (Subscription subscription : subscriptions) {
                String queue = PublicationAddresses.publications(new AgencyCode(subscription.subscriber()), subscription.feed());
                configuration.putSecurityRoles(queue, subscriberRoles(subscription));
                queue(configuration, queue);
            }
            addressSettings(configuration, publications);
        };
    }

    /** The bus may do everything; the subscriber consume and browse, nothing else. */
    static Set<Role> subscriberRoles(Subscription subscription) {
        return Set.of(BrokerAddressSecurity.bus(), BrokerAddressSecurity.receiver(subscription.subscriber()));
    }

    private static void addressSettings(Configuration configuration, PublicationProperties publications) {
        configuration.addAddressSetting(PublicationAddresses.anyPublish(), new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(200)
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(10_000)
                .setMaxSizeBytes(IN_FLIGHT_MAX_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK)
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false));
        configuration.addAddressSetting(PublicationAddresses.anyReceipts(), new AddressSettings()
                .setExpiryDelay(publications.retention().toMillis())
                .setExpiryAddress(null)
                .setDeadLetterAddress(null)
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false));
        configuration.addAddressSetting(PublicationAddresses.anyPublications(), new AddressSettings()
                .setExpiryDelay(publications.retention().toMillis())
                .setExpiryAddress(null)
                .setDeadLetterAddress(null)
                .setAutoCreateAddresses(true)
                .setAutoCreateQueues(true)
                .setAutoDeleteAddresses(false)
                .setAutoDeleteQueues(false)
                .setDefaultAddressRoutingType(RoutingType.ANYCAST)
                .setDefaultQueueRoutingType(RoutingType.ANYCAST));
    }

    private static void queue(Configuration configuration, String address) {
        configuration.addAddressConfiguration(new CoreAddressConfiguration()
                .setName(address)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(address).setAddress(address)
                        .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
    }

    /** Publications in flight stay in memory (see the class comment); the subscribers' copies are durable. */
    static final class TransientPublications implements ActiveMQServerMessagePlugin {
        @Override
        public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                               boolean noAutoCreateQueue) {
            String address = message.getAddress();
            if (address != null && PUBLISH.matcher(address).matches()) {
                message.setDurable(false);
            }
        }
    }
}
