package ir.nix.core.ingress.messaging;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.rest.IngressProperties;
import ir.nix.core.ingress.rest.JsonFields;
import ir.nix.core.ingress.rest.RestReplyEncoder;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.policy.active.ActivePolicy;
import jakarta.jms.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
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
class MessagingIngress implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MessagingIngress.class);

    private final List<DefaultMessageListenerContainer> listeners = new ArrayList<>();
    private volatile boolean running;

    MessagingIngress(ConnectionFactory connections, ActivePolicy policy, InquiryPipeline pipeline, JsonFields json,
                     RestReplyEncoder encoder, IngressProperties limits, MessagingProperties properties) {
        DeadLetters deadLetters = new DeadLetters(properties);
        for (String code : policy.bundle().agencies().keySet()) {
            AgencyCode agency = new AgencyCode(code);
            listeners.add(listener(connections, agency, properties,
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

    /**
     * Ready means ready (issue 11): lifecycles start before Camel's route does, so the request addresses are
     * listened to only once the node is ready; queued requests then meet a running pipeline, never a
     * {@code NODE_NOT_READY}.
     */
    @Override
    public boolean isAutoStartup() {
        return false;
    }

    @EventListener(ApplicationReadyEvent.class)
    void listenOnceReady() {
        if (!running) {
            start();
        }
    }

    @Override
    public void start() {
        for (DefaultMessageListenerContainer listener : listeners) {
            listener.afterPropertiesSet();
            listener.start();
        }
        running = true;
        LOG.info("messaging channel: listening on the request addresses of {} agencies", listeners.size());
    }

    @Override
    public void stop() {
        listeners.forEach(DefaultMessageListenerContainer::destroy);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After Camel and the broker: stop taking requests before the pipeline stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
