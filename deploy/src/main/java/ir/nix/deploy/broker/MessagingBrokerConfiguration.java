package ir.nix.deploy.broker;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.messaging.MessagingAddresses;
import ir.nix.core.ingress.messaging.MessagingProperties;
import ir.nix.policy.active.ActivePolicy;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker as the messaging channel needs it: an AMQP 1.0 (and core) acceptor for the
 * agencies, security on (agencies authenticated, the validated user stamped on every message), each
 * agency's request, reply and dead-letter queues and their permissions generated from the policy
 * bundle, and the no-content settings.
 *
 * <p>003 Art. 31.4: the broker never dead-letters or expires a message into an address of its own
 * (that would keep its body): the default dead-letter and expiry addresses are removed, requests are
 * redelivered without limit while the bus's listener bounds the attempts and dead-letters headers only,
 * and in-flight addresses block producers when full rather than paging bodies to disk.
 */
@Configuration(proxyBeanMethods = false)
class MessagingBrokerConfiguration {

    private static final long IN_FLIGHT_MAX_BYTES = 16L * 1024 * 1024;

    @Bean
    ArtemisConfigurationCustomizer messagingBrokerSettings(MessagingProperties messaging, ActivePolicy policy) {
        List<AgencyCode> agencies = agencies(policy);
        return configuration -> {
            configuration.setSecurityEnabled(true)
                    .setPopulateValidatedUser(true)
                    .registerBrokerPlugin(new TransientInquiries());
            BrokerAddressSecurity.settings(agencies).forEach(configuration::putSecurityRoles);
            withoutBrokerDeadLetters(configuration);
            inFlightSettings(configuration, messaging);
            agencies.forEach(agency -> agencyQueues(configuration, agency));
            if (messaging.amqpPort() > 0) {
                addAcceptor(configuration, messaging);
            }
        };
    }

    /** The security manager must be in place before the broker starts, i.e. before its init method. */
    @Bean
    static BeanPostProcessor agencyBrokerSecurity(ObjectProvider<ActivePolicy> policy,
                                                  ObjectProvider<MessagingProperties> messaging) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ broker) {
                    broker.setSecurityManager(new AgencyBrokerSecurity(
                            code -> policy.getObject().bundle().agencies().containsKey(code),
                            messaging.getObject().demoCredentials()));
                }
                return bean;
            }
        };
    }

    private static List<AgencyCode> agencies(ActivePolicy policy) {
        return policy.bundle().agencies().keySet().stream().filter(AgencyCode::isWellFormed).map(AgencyCode::new).toList();
    }

    private static void withoutBrokerDeadLetters(org.apache.activemq.artemis.core.config.Configuration configuration) {
        AddressSettings defaults = configuration.getAddressSettings().get("#");
        if (defaults != null) {
            defaults.setDeadLetterAddress(null).setExpiryAddress(null);
        }
    }

    private static void inFlightSettings(org.apache.activemq.artemis.core.config.Configuration configuration, MessagingProperties messaging) {
        AddressSettings requests = new AddressSettings()
                .setMaxDeliveryAttempts(-1)
                .setRedeliveryDelay(messaging.redeliveryDelay().toMillis())
                .setRedeliveryMultiplier(2)
                .setMaxRedeliveryDelay(messaging.maxRedeliveryDelay().toMillis())
                .setMaxSizeBytes(IN_FLIGHT_MAX_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK)
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false);
        configuration.addAddressSetting(MessagingAddresses.anyRequests(), requests);
        configuration.addAddressSetting(MessagingAddresses.anyReplies(), new AddressSettings()
                .setMaxSizeBytes(IN_FLIGHT_MAX_BYTES)
                .setAddressFullMessagePolicy(AddressFullMessagePolicy.BLOCK)
                .setAutoCreateAddresses(false)
                .setAutoCreateQueues(false));
    }

    private static void agencyQueues(org.apache.activemq.artemis.core.config.Configuration configuration, AgencyCode agency) {
        for (String address : List.of(MessagingAddresses.requests(agency), MessagingAddresses.replies(agency),
                MessagingAddresses.deadLetters(agency))) {
            configuration.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(address)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(address).setAddress(address)
                            .setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        }
    }

    /** AMQP large messages are off: a large message is a file on disk, and an inquiry body is small. */
    private static void addAcceptor(org.apache.activemq.artemis.core.config.Configuration configuration, MessagingProperties messaging) {
        try {
            configuration.addAcceptorConfiguration("agencies", "tcp://" + messaging.amqpHost() + ":" + messaging.amqpPort()
                    + "?protocols=AMQP,CORE;amqpMinLargeMessageSize=-1;amqpCredits=100");
        } catch (Exception invalid) {
            throw new IllegalStateException("nix.messaging.amqp-host/amqp-port do not form an acceptor URL", invalid);
        }
    }
}
