package ir.nix.core.ingress.messaging;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.CallerReferences;
import ir.nix.core.inquiry.InquiryReply;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Optional;

/**
 * Dead-letters a request the channel cannot answer, as a new message with headers only. The broker's
 * own dead-lettering would keep the body in its journal; 003 Art. 31.4 allows no content there, so the
 * bus consumes the poison message and re-sends what identifies it: the caller's message-id, the
 * service, the number of deliveries, the reason and, when it was answered, the tracking ID.
 */
final class DeadLetters {

    static final String ORIGINAL_MESSAGE_ID = "originalMessageId";
    static final String REASON = "reason";

    private final MessagingProperties properties;

    DeadLetters(MessagingProperties properties) {
        this.properties = properties;
    }

    void send(Session session, AgencyCode agency, Message poison, String reason, Optional<InquiryReply> reply)
            throws JMSException {
        Message letter = session.createMessage();
        // 003 Art. 31.4: a dead letter is persistent, and the caller chose its message-id and service
        // property freely: either is kept only when it may be recorded (no identifier in it).
        String messageId = InquiryMessages.messageId(poison);
        if (CallerReferences.isRecordable(messageId)) {
            letter.setJMSCorrelationID(messageId);
            letter.setStringProperty(ORIGINAL_MESSAGE_ID, messageId);
        }
        String service = poison.getStringProperty(InquiryMessages.SERVICE);
        if (CallerReferences.isRecordable(service)) {
            letter.setStringProperty(InquiryMessages.SERVICE, service);
        }
        letter.setIntProperty(InquiryMessages.DELIVERY_COUNT, poison.getIntProperty(InquiryMessages.DELIVERY_COUNT));
        letter.setStringProperty(REASON, reason);
        if (reply.isPresent()) {
            letter.setStringProperty(InquiryMessages.TRACKING_ID, reply.get().trackingId().toString());
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(MessagingAddresses.deadLetters(agency)))) {
            producer.send(letter, DeliveryMode.PERSISTENT, Message.DEFAULT_PRIORITY,
                    properties.deadLetterRetention().toMillis());
        }
    }
}
