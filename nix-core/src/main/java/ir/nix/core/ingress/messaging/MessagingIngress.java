package ir.nix.core.ingress.messaging;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.rest.IngressProperties;
import ir.nix.core.ingress.rest.JsonFields;
import ir.nix.core.ingress.rest.RestReplyEncoder;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.policy.active.ActivePolicy;
import jakarta.jms.ConnectionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The messaging channel: one listener per agency of the policy bundle, on that agency's request
 * address. Listening per agency (rather than on a wildcard) keeps one agency's backlog from delaying
 * another's and lets the listener know, from the address alone, whose reply address to answer on.
 *
 * <p>Agencies added by a policy reload are listened to after the next restart, like the broker's
 * security settings generated from the same bundle.
 */
@Component
@EnableConfigurationProperties(MessagingProperties.class)
@ConditionalOnProperty(prefix = "nix.messaging", name = "enabled", havingValue = "true", matchIfMissing = true)
class MessagingIngress extends ListenerGroup {

    MessagingIngress(ConnectionFactory connections, ActivePolicy policy, InquiryPipeline pipeline, JsonFields json,
                     RestReplyEncoder encoder, IngressProperties limits, MessagingProperties properties) {
        super("agency request addresses");
        DeadLetters deadLetters = new DeadLetters(properties);
        for (String code : policy.bundle().agencies().keySet()) {
            AgencyCode agency = new AgencyCode(code);
            add(listener(connections, agency, properties,
                    new InquiryMessages(agency, pipeline, json, encoder, limits, properties, deadLetters)));
        }
    }

    private static DefaultMessageListenerContainer listener(ConnectionFactory connections, AgencyCode agency,
                                                            MessagingProperties properties, InquiryMessages messages) {
        DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
        container.setConnectionFactory(connections);
        container.setDestinationName(MessagingAddresses.requests(agency));
        container.setSessionTransacted(true);
        container.setConcurrency(properties.concurrency());
        container.setMessageListener(messages);
        container.setBeanName("messaging-inquiries-" + agency.value());
        return container;
    }
}
