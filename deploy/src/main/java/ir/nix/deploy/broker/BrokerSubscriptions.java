package ir.nix.deploy.broker;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.publication.PublicationAddresses;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.active.ReloadOutcome;
import ir.nix.policy.bundle.Subscription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A policy reload changes who may read which publication queue at once, without a restart: the embedded
 * broker's security settings for subscription queues follow the bundle in force (a new subscription's queue
 * is created and only its subscriber may consume it; a subscription gone from the bundle takes its
 * subscriber's permission with it, its undelivered copies expiring as usual). Who is delivered to follows the
 * bundle by itself ({@code ActivePolicy.subscribers}). An external broker's security is the operator's
 * (certificates and its own {@code broker.xml}), so this applies to the embedded broker only.
 */
@Component
class BrokerSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSubscriptions.class);

    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final ActivePolicy policy;
    private Set<String> queues;

    BrokerSubscriptions(ObjectProvider<EmbeddedActiveMQ> broker, ActivePolicy policy) {
        this.broker = broker;
        this.policy = policy;
        this.queues = queues(policy.bundle().subscriptions());
    }

    @EventListener
    synchronized void reloaded(ReloadOutcome.Applied applied) {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        if (embedded == null || embedded.getActiveMQServer() == null) {
            return;
        }
        ActiveMQServer server = embedded.getActiveMQServer();
        List<Subscription> subscriptions = policy.bundle().subscriptions();
        Set<String> gone = new HashSet<>(queues);
        for (Subscription subscription : subscriptions) {
            String queue = queue(subscription);
            gone.remove(queue);
            server.getSecurityRepository().addMatch(queue, PublicationBrokerConfiguration.subscriberRoles(subscription));
            create(server, queue);
        }
        gone.forEach(queue -> server.getSecurityRepository().removeMatch(queue));
        queues = queues(subscriptions);
        LOG.info("publication queues of {} subscriptions apply on the broker, {} withdrawn", subscriptions.size(),
                gone.size());
    }

    private static void create(ActiveMQServer server, String queue) {
        if (server.locateQueue(SimpleString.of(queue)) != null) {
            return;
        }
        try {
            server.createQueue(QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true).setAutoCreateAddress(true), true);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the publication queue " + queue, e);
        }
    }

    private static Set<String> queues(List<Subscription> subscriptions) {
        Set<String> names = new HashSet<>();
        subscriptions.forEach(subscription -> names.add(queue(subscription)));
        return names;
    }

    private static String queue(Subscription subscription) {
        return PublicationAddresses.publications(new AgencyCode(subscription.subscriber()), subscription.feed());
    }
}
