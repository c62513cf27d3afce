package ir.nix.core.publication;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.ingress.CallerReferences;
import ir.nix.core.ingress.messaging.MessagingAddresses;
import ir.nix.core.publication.keys.ActiveKeys;
import ir.nix.core.publication.keys.PublicationKeys;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficSink;
import ir.nix.policy.BundleIdentity;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.bundle.Subscription;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * Delivers one feed: takes each publication from the provider's publish address and sends every
 * subscriber the policy names its own copy, on its own durable queue, with a traffic record per delivery
 * (sizes and counts, never content). For a tokenised feed each copy carries, per entry, the subscriber's
 * keyed token of the national code instead of the code ({@link DeliveryRendering}).
 *
 * <p>The session is transacted: the copies, their records (durable before the commit), the provider's
 * receipt and the acknowledgement of the publication are one broker transaction; a failure (the traffic
 * path down) rolls back and the broker redelivers with backoff. A publication that cannot be read is
 * dead-lettered on the provider's dead-letter address with headers only (003 Art. 31.4), and its receipt
 * says so.
 *
 * <p>The receipt is what closes the window a publication spends in broker memory (it carries national codes,
 * so it never reaches the journal): a provider's send is accepted as soon as the broker holds it, and a bus
 * that dies before the fan-out commits loses it. The receipt on {@link PublicationAddresses#receipts} is sent
 * only in the fan-out's own transaction, so a provider that publishes again whatever has no receipt loses
 * nothing; a subscriber may then get a second copy, which token matching tolerates.
 */
final class PublicationDelivery implements SessionAwareMessageListener<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationDelivery.class);

    static final String FEED = "feed";
    static final String TRACKING_ID = "trackingId";
    static final String PUBLICATION_ID = "publicationId";
    static final String ENTRY_COUNT = "entries";
    static final String KEY_VERSION = "keyVersion";
    static final String PREVIOUS_KEY_VERSION = "previousKeyVersion";
    static final String REASON = "reason";
    static final String OUTCOME = "outcome";
    static final String DELIVERIES = "deliveries";
    static final String WITHHELD = "withheld";
    static final String DELIVERED = "DELIVERED";
    static final String REFUSED = "REFUSED";

    private final FeedDescriptor feed;
    private final ActivePolicy policy;
    private final PublishedEntries reader;
    private final DeliveryRendering rendering;
    private final PublicationKeys keys;
    private final List<TrafficSink> sinks;
    private final PublicationProperties properties;
    private final String busNode;
    private final MeterRegistry meters;
    private final Counter refused;

    PublicationDelivery(FeedDescriptor feed, ActivePolicy policy, PublishedEntries reader, DeliveryRendering rendering,
                        PublicationKeys keys, List<TrafficSink> sinks, PublicationProperties properties, String busNode,
                        MeterRegistry meters) {
        this.feed = feed;
        this.policy = policy;
        this.reader = reader;
        this.rendering = rendering;
        this.keys = keys;
        this.sinks = sinks.stream().sorted((a, b) -> Boolean.compare(b.durable(), a.durable())).toList();
        this.properties = properties;
        this.busNode = busNode;
        this.meters = meters;
        this.refused = Counter.builder("nix.publication.refused").description("publications refused as unreadable")
                .tag("provider", feed.provider().value()).tag("feed", feed.code().value()).register(meters);
    }

    @Override
    public void onMessage(Message message, Session session) throws JMSException {
        Instant receivedAt = Instant.now();
        long receivedNanos = System.nanoTime();
        Optional<byte[]> body = body(message);
        PublishedEntries.Result result = body.map(bytes -> reader.read(feed, bytes))
                .orElse(new PublishedEntries.Result.Refused("the body must be JSON text or bytes"));
        if (result instanceof PublishedEntries.Result.Refused refusal) {
            deadLetter(session, message, refusal.reason());
            Message receipt = receipt(session, message, REFUSED);
            receipt.setStringProperty(REASON, refusal.reason());
            sendReceipt(session, receipt);
            return;
        }
        List<Map<String, String>> entries = ((PublishedEntries.Result.Read) result).entries();
        TrackingId publicationId = TrackingId.next();
        BundleIdentity bundle = policy.activeBundle();
        int delivered = 0;
        int withheld = 0;
        for (Subscription subscription : policy.subscribers(feed.provider().value(), feed.code().value(), receivedAt)) {
            if (deliver(session, subscription, entries, new Published(publicationId, receivedAt, receivedNanos,
                    body.get().length, bundle))) {
                delivered++;
            } else {
                withheld++;
            }
        }
        Message receipt = receipt(session, message, DELIVERED);
        receipt.setStringProperty(PUBLICATION_ID, publicationId.toString());
        receipt.setIntProperty(ENTRY_COUNT, entries.size());
        receipt.setIntProperty(DELIVERIES, delivered);
        receipt.setIntProperty(WITHHELD, withheld);
        sendReceipt(session, receipt);
    }

    /** What every delivery of one publication shares. */
    private record Published(TrackingId id, Instant receivedAt, long receivedNanos, int bytes, BundleIdentity bundle) {
    }

    /** @return whether a copy was sent: false when it was withheld for want of the subscriber's key */
    private boolean deliver(Session session, Subscription subscription, List<Map<String, String>> entries,
                            Published published) throws JMSException {
        AgencyCode subscriber = new AgencyCode(subscription.subscriber());
        Optional<ActiveKeys> subscriberKeys = feed.tokenised() ? keys.keysFor(subscriber, published.receivedAt())
                : Optional.empty();
        if (feed.tokenised() && subscriberKeys.isEmpty()) {
            withheld(subscriber);
            return false;
        }
        byte[] copy = rendering.render(feed, subscription.dataItems(), entries, subscriberKeys);
        TrackingId trackingId = TrackingId.next();
        TextMessage delivery = session.createTextMessage(new String(copy, StandardCharsets.UTF_8));
        delivery.setStringProperty(FEED, feed.code().value());
        delivery.setStringProperty(TRACKING_ID, trackingId.toString());
        delivery.setStringProperty(PUBLICATION_ID, published.id().toString());
        delivery.setIntProperty(ENTRY_COUNT, entries.size());
        if (subscriberKeys.isPresent()) {
            delivery.setIntProperty(KEY_VERSION, subscriberKeys.get().current().version());
            if (subscriberKeys.get().previous().isPresent()) {
                delivery.setIntProperty(PREVIOUS_KEY_VERSION, subscriberKeys.get().previous().get().version());
            }
        }
        send(session, PublicationAddresses.publications(subscriber, feed.code().value()), delivery);
        // Rule 5, no delivery without its record: a durable sink that refuses throws, and the transaction
        // (every copy of this publication) rolls back to be redelivered.
        TrafficRecord record = record(trackingId, subscription, published, copy.length).withItemCount(entries.size());
        sinks.forEach(sink -> sink.accept(record));
        return true;
    }

    private TrafficRecord record(TrackingId trackingId, Subscription subscription, Published published, int bytes) {
        return new TrafficRecord(trackingId, published.id(), null, Channel.MESSAGING,
                new AgencyCode(subscription.subscriber()), feed.provider(), feed.code(), feed.version(),
                subscription.id(), subscription.resolution(), published.bundle().version(), published.bundle().sha256(),
                PolicyVerdict.PERMIT, OutcomeCode.OK, OutcomeCode.OK.httpStatus(), published.receivedAt(), null, null,
                (System.nanoTime() - published.receivedNanos()) / 1_000, null, published.bytes(), bytes, busNode, null,
                null);
    }

    /** A tokenised feed for a subscriber without a key: nothing NIX could send would be of use to it. */
    private void withheld(AgencyCode subscriber) {
        meters.counter("nix.publication.withheld", "subscriber", subscriber.value(), "feed", feed.code().value())
                .increment();
        LOG.warn("publication of {} withheld from {}: no publication key issued (nix-bus keys issue --agency {})",
                feed.code(), subscriber, subscriber);
    }

    private void deadLetter(Session session, Message publication, String reason) throws JMSException {
        refused.increment();
        Message letter = headersOf(session, publication);
        letter.setStringProperty(REASON, reason);
        send(session, MessagingAddresses.deadLetters(feed.provider()), letter);
    }

    /** A receipt for the provider: headers only, correlated to its publication. */
    private Message receipt(Session session, Message publication, String outcome) throws JMSException {
        Message receipt = headersOf(session, publication);
        receipt.setStringProperty(OUTCOME, outcome);
        return receipt;
    }

    private void sendReceipt(Session session, Message receipt) throws JMSException {
        send(session, PublicationAddresses.receipts(feed.provider()), receipt);
    }

    /** A bodiless message naming the feed and correlated to the publication's message-id when that holds no identifier. */
    private Message headersOf(Session session, Message publication) throws JMSException {
        Message headers = session.createMessage();
        // An AMQP sender's own message-id, as the inquiry channel's dead letters carry it.
        String amqpId = publication.getStringProperty("NATIVE_MESSAGE_ID");
        String messageId = amqpId != null ? amqpId : publication.getJMSMessageID();
        if (CallerReferences.isRecordable(messageId)) {
            headers.setJMSCorrelationID(messageId);
        }
        headers.setStringProperty(FEED, feed.code().value());
        return headers;
    }

    private void send(Session session, String queue, Message message) throws JMSException {
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY, properties.retention().toMillis());
        }
    }

    private static Optional<byte[]> body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            String content = text.getText();
            return Optional.of(content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8));
        }
        if (message instanceof BytesMessage bytes) {
            byte[] content = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(content);
            return Optional.of(content);
        }
        return Optional.empty();
    }
}
