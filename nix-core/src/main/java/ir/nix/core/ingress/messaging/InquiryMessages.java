package ir.nix.core.ingress.messaging;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.ingress.CallerReferences;
import ir.nix.core.ingress.rest.IngressProperties;
import ir.nix.core.ingress.rest.JsonFields;
import ir.nix.core.ingress.rest.RestReplyEncoder;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.InquiryRequest;
import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jms.listener.SessionAwareMessageListener;

/**
 * The messaging channel into the inquiry pipeline, for one agency's request address: reads the
 * request message, runs it through the same pipeline as REST and SOAP, and answers on the reply address
 * with the REST reply or problem document.
 *
 * <p>The consumer is the broker-authenticated user ({@code _AMQ_VALIDATED_USER}), never a property of
 * the message. The listener's session is transacted: the reply is sent and the request acknowledged
 * together, and a failure rolls both back so that the broker redelivers with backoff; a request that
 * keeps failing, or whose body is not JSON text or bytes, is dead-lettered headers-only by
 * {@link DeadLetters} (003 Art. 31.4: a dead letter keeps no content).
 */
record InquiryMessages(AgencyCode agency, InquiryPipeline pipeline, JsonFields json, RestReplyEncoder encoder,
                       IngressProperties limits, MessagingProperties properties, DeadLetters deadLetters)
                       implements SessionAwareMessageListener<Message> {

    /** Artemis stamps the authenticated user on every message it accepts ({@code populate-validated-user}). */
    static final String VALIDATED_USER = "_AMQ_VALIDATED_USER";
    static final String SERVICE = "service";
    static final String ON_BEHALF_OF = "onBehalfOf";
    static final String TRACKING_ID = "trackingId";
    static final String STATUS = "status";
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    /** Where Artemis keeps an AMQP sender's own message-id when it hands the message to a core consumer. */
    static final String NATIVE_MESSAGE_ID = "NATIVE_MESSAGE_ID";
    /** How Artemis renders an AMQP string message-id as a JMS message ID; the caller knows it without. */
    private static final String AMQP_STRING_ID = "ID:AMQP_NO_PREFIX:";

    @Override
    public void onMessage(Message message, Session session) throws JMSException {
        if (message.getIntProperty(DELIVERY_COUNT) > properties.maxDeliveryAttempts()) {
            deadLetters.send(session, agency, message, "failed " + properties.maxDeliveryAttempts() + " deliveries",
                    Optional.empty());
            return;
        }
        Instant receivedAt = Instant.now();
        long receivedNanos = System.nanoTime();
        Optional<byte[]> body = body(message);
        InquiryRequest.Builder request = InquiryRequest.builder(Channel.MESSAGING, service(message), encoder)
                .received(receivedAt, receivedNanos)
                .consumer(consumer(message));
        read(message, body, request);
        InquiryReply reply = pipeline.handle(request.build());
        reply(session, message, reply);
        if (body.isEmpty()) {
            deadLetters.send(session, agency, message, "the body is not JSON text or bytes", Optional.of(reply));
        }
    }

    private Optional<AgencyCode> consumer(Message message) throws JMSException {
        String user = message.getStringProperty(VALIDATED_USER);
        return agency.value().equals(user) ? Optional.of(agency) : Optional.empty();
    }

    private static String service(Message message) throws JMSException {
        String service = message.getStringProperty(SERVICE);
        return service == null ? "" : service;
    }

    /** Fills the request from the message; the first problem found is the one answered. */
    private void read(Message message, Optional<byte[]> body, InquiryRequest.Builder request) throws JMSException {
        CallerReferences.read(callerReference(messageId(message)), message.getStringProperty(ON_BEHALF_OF),
                "message-id", request);
        if (!isOwnReplyAddress(message.getJMSReplyTo())) {
            request.rejectedWith(OutcomeCode.INVALID_INPUT, "reply-to: must be " + MessagingAddresses.replies(agency)
                    + " or absent");
        }
        if (message.getStringProperty(SERVICE) == null) {
            request.rejectedWith(OutcomeCode.INVALID_INPUT, "application property 'service' is required");
        }
        if (body.isEmpty()) {
            request.rejectedWith(OutcomeCode.MALFORMED_REQUEST, "the message body must be JSON text or bytes");
            return;
        }
        byte[] bytes = body.get();
        request.requestBytes(bytes.length);
        if (bytes.length > limits.maxBodyBytes()) {
            request.rejectedWith(OutcomeCode.PAYLOAD_TOO_LARGE, "body exceeds " + limits.maxBodyBytes() + " bytes");
            return;
        }
        JsonFields.Result parsed = json.read(bytes);
        if (parsed.error().isPresent()) {
            request.rejectedWith(parsed.errorOutcome(), parsed.error().get());
        } else {
            request.fields(parsed.fields());
        }
    }

    private Optional<byte[]> body(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            String content = text.getText();
            return Optional.of(content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8));
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            byte[] content = new byte[(int) Math.min(length, limits.maxBodyBytes() + 1L)];
            bytes.readBytes(content);
            return Optional.of(content);
        }
        return Optional.empty();
    }

    /** The sender's message-id, as a JMS message ID: an AMQP sender's own, or a core sender's. */
    static String messageId(Message message) throws JMSException {
        String amqp = message.getStringProperty(NATIVE_MESSAGE_ID);
        return amqp != null ? amqp : message.getJMSMessageID();
    }

    private static String callerReference(String messageId) {
        if (messageId == null) {
            return null;
        }
        return messageId.startsWith(AMQP_STRING_ID) ? messageId.substring(AMQP_STRING_ID.length()) : messageId;
    }

    private boolean isOwnReplyAddress(Destination replyTo) throws JMSException {
        return replyTo == null || MessagingAddresses.replies(agency).equals(name(replyTo));
    }

    private static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        return destination instanceof Topic topic ? topic.getTopicName() : destination.toString();
    }

    private void reply(Session session, Message request, InquiryReply reply) throws JMSException {
        TextMessage answer = session.createTextMessage(new String(reply.encoded(), StandardCharsets.UTF_8));
        answer.setJMSCorrelationID(messageId(request));
        answer.setStringProperty(TRACKING_ID, reply.trackingId().toString());
        answer.setIntProperty(STATUS, reply.outcome().httpStatus());
        // 003 Art. 31.4: the reply carries personal data; it is never written to the journal and is
        // dropped when nobody takes it in time.
        try (MessageProducer producer = session.createProducer(session.createQueue(MessagingAddresses.replies(agency)))) {
            producer.send(answer, DeliveryMode.NON_PERSISTENT, Message.DEFAULT_PRIORITY,
                    properties.replyTimeToLive().toMillis());
        }
    }
}
