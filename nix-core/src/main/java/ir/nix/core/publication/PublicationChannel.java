package ir.nix.core.publication;

import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.ingress.messaging.ListenerGroup;
import ir.nix.core.node.NodeProperties;
import ir.nix.core.publication.keys.PublicationKeys;
import ir.nix.core.traffic.TrafficSink;
import ir.nix.policy.active.ActivePolicy;
import jakarta.jms.ConnectionFactory;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jms.listener.DefaultMessageListenerContainer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publication channel: one listener per feed, on its provider's publish address. One consumer per
 * feed keeps a provider's publications in the order it sent them, for every subscriber.
 */
@Component
@ConditionalOnProperty(prefix = "nix.publication", name = "enabled", havingValue = "true", matchIfMissing = true)
class PublicationChannel extends ListenerGroup {

    PublicationChannel(ConnectionFactory connections, FeedCatalog feeds, ActivePolicy policy, PublicationKeys keys,
                       List<TrafficSink> sinks, PublicationProperties properties, NodeProperties node, JsonMapper json,
                       MeterRegistry meters) {
        super("publish addresses of feeds");
        PublishedEntries reader = new PublishedEntries(json, properties.maxEntries());
        DeliveryRendering rendering = new DeliveryRendering(json);
        for (FeedDescriptor feed : feeds.all()) {
            DefaultMessageListenerContainer container = new DefaultMessageListenerContainer();
            container.setConnectionFactory(connections);
            container.setDestinationName(PublicationAddresses.publish(feed.provider(), feed.code().value()));
            container.setSessionTransacted(true);
            container.setConcurrency("1");
            container.setMessageListener(new PublicationDelivery(feed, policy, reader, rendering, keys, sinks, properties,
                    node.node(), meters));
            container.setBeanName("publications-" + feed.code().value());
            add(container);
        }
    }
}
