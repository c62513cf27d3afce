package ir.nix.deploy.broker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.publication.PublicationAddresses;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.bundle.Subscription;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Backlog per subscriber and the age of its oldest undelivered item, labelled by agency code and feed (never
 * content), read from the broker's management address ({@value #MANAGEMENT_ADDRESS}) over the core protocol.
 * The same code serves the embedded broker (in-VM, as the bus) and an external one ({@code NIX_ARTEMIS_URL}:
 * its user needs the {@code manage} permission, which {@code artemis create} gives the user it creates).
 *
 * <p>Polled every {@code nix.publication.backlog-poll} rather than on scrape, so that a scrape never waits on
 * the broker (a poll against an unreachable broker waits at most the client's call timeout). The subscriptions are those of the bundle in force at each poll, so a reload adds its new
 * subscriptions' gauges. While the broker cannot answer the gauges read NaN: an old value would look current.
 */
@Component
@ConditionalOnProperty(prefix = "nix.publication", name = "enabled", havingValue = "true", matchIfMissing = true)
class PublicationBacklog {

    static final String MANAGEMENT_ADDRESS = "activemq.management";
    private static final Logger LOG = LoggerFactory.getLogger(PublicationBacklog.class);
    private static final long ANSWER_WAIT_MILLIS = 5_000;

    private final ConnectionFactory connections;
    private final ActivePolicy policy;
    private final MeterRegistry meters;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile boolean failing;
    private Management management;

    PublicationBacklog(ConnectionFactory connections, ActivePolicy policy, MeterRegistry meters) {
        this.connections = connections;
        this.policy = policy;
        this.meters = meters;
    }

    /** One queue's figures at the last poll. */
    private record Reading(double messages, double oldestAgeSeconds) {
        static final Reading UNKNOWN = new Reading(Double.NaN, Double.NaN);
    }

    @Scheduled(fixedDelayString = "${nix.publication.backlog-poll:5s}", initialDelayString = "${nix.publication.backlog-poll:5s}")
    synchronized void poll() {
        try {
            if (management == null) {
                management = Management.open(connections);
            }
            for (Subscription subscription : policy.bundle().subscriptions()) {
                String queue = PublicationAddresses.publications(new AgencyCode(subscription.subscriber()),
                        subscription.feed());
                register(subscription, queue);
                readings.put(queue, read(management, queue));
            }
            failing = false;
        } catch (Exception unreadable) {
            if (management != null) {
                management.close();
                management = null;
            }
            readings.replaceAll((queue, reading) -> Reading.UNKNOWN);
            if (!failing) {
                LOG.warn("publication backlog unreadable from the broker's {} address: {}", MANAGEMENT_ADDRESS,
                        unreadable.toString());
            }
            failing = true;
        }
    }

    private static Reading read(Management management, String queue) throws Exception {
        Object count = management.attribute(queue, "messageCount");
        if (count == null) {
            return new Reading(0, 0);  // not created yet: nothing was ever delivered to it
        }
        Object age = management.attribute(queue, "firstMessageAge");
        return new Reading(((Number) count).doubleValue(), age == null ? 0 : ((Number) age).doubleValue() / 1000.0);
    }

    /**
     * A session that asks the management address and reads the answers on one temporary queue, kept from poll to
     * poll (a temporary queue per poll would be a broker log line per poll) and opened again after a failure.
     */
    private record Management(Connection connection, Session session, MessageProducer requests, MessageConsumer answers,
                              TemporaryQueue replyTo) {

        static Management open(ConnectionFactory connections) throws JMSException {
            Connection connection = connections.createConnection();
            try {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                TemporaryQueue replyTo = session.createTemporaryQueue();
                connection.start();
                return new Management(connection, session, session.createProducer(session.createQueue(MANAGEMENT_ADDRESS)),
                        session.createConsumer(replyTo), replyTo);
            } catch (JMSException | RuntimeException failed) {
                connection.close();
                throw failed;
            }
        }

        /** The attribute's value, or null when the broker has no such queue (or the queue is empty, for an age). */
        Object attribute(String queue, String attribute) throws Exception {
            Message request = session.createMessage();
            JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
            request.setJMSReplyTo(replyTo);
            requests.send(request);
            Message answer = answers.receive(ANSWER_WAIT_MILLIS);
            if (answer == null) {
                throw new JMSException("no answer from " + MANAGEMENT_ADDRESS + " within " + ANSWER_WAIT_MILLIS + " ms");
            }
            return JMSManagementHelper.hasOperationSucceeded(answer) ? JMSManagementHelper.getResult(answer) : null;
        }

        /** Best effort: the broker may be gone. */
        void close() {
            try {
                replyTo.delete();
                session.close();
                connection.close();
            } catch (JMSException | RuntimeException gone) {
                LOG.debug("closing the management session failed: {}", gone.toString());
            }
        }
    }

    private void register(Subscription subscription, String queue) {
        if (!registered.add(queue)) {
            return;
        }
        Gauge.builder("nix.publication.backlog", readings, r -> r.getOrDefault(queue, Reading.UNKNOWN).messages())
                .description("deliveries waiting for the subscriber").tag("subscriber", subscription.subscriber())
                .tag("feed", subscription.feed()).register(meters);
        Gauge.builder("nix.publication.oldest.age", readings,
                        r -> r.getOrDefault(queue, Reading.UNKNOWN).oldestAgeSeconds())
                .description("age of the oldest undelivered item, seconds").baseUnit("seconds")
                .tag("subscriber", subscription.subscriber()).tag("feed", subscription.feed()).register(meters);
    }
}
