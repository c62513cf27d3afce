package ir.nix.deploy.broker;

import ir.nix.core.ingress.CallerReferences;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.server.ServerSession;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerMessagePlugin;
import org.apache.activemq.artemis.core.transaction.Transaction;

/**
 * 003 Art. 31.4 on the broker: an inquiry and its reply carry personal data while in flight, so the
 * broker holds them in memory only, whatever durability the sender asked for. A journal record, even
 * acknowledged, stays readable in the journal file until the file is compacted or reused; a message
 * that never reaches the journal leaves nothing to find. (A broker crash loses inquiries in flight: the
 * caller gets no reply and asks again, which is safe because an inquiry changes nothing.)
 *
 * <p>It also stamps the sending agency on every request (see {@link #stampValidatedUser}).
 *
 * <p>Duplicate detection: a request's own message-id becomes its Artemis duplicate ID
 * ({@code _AMQ_DUPL_ID}), scoped by the sending agency, so that a re-sent request is answered once.
 * The duplicate-ID cache is persistent, so a message-id that could carry a personal identifier is
 * not used (and a sender's own {@code _AMQ_DUPL_ID} is never kept).
 */
final class TransientInquiries implements ActiveMQServerMessagePlugin {

    private static final Pattern IN_FLIGHT = Pattern.compile("nix\\.[A-Z][A-Z0-9_]{1,15}\\.(requests|replies)");
    private static final Pattern REQUESTS = Pattern.compile("nix\\.[A-Z][A-Z0-9_]{1,15}\\.requests");

    @Override
    public void beforeSend(ServerSession session, Transaction tx, Message message, boolean direct,
                           boolean noAutoCreateQueue) {
        String address = message.getAddress();
        if (address == null || !IN_FLIGHT.matcher(address).matches()) {
            return;
        }
        message.setDurable(false);
        if (REQUESTS.matcher(address).matches()) {
            stampValidatedUser(session, message);
            useMessageIdForDuplicates(session, message);
        }
    }

    /**
     * The consumer of an inquiry is the broker-authenticated user. Artemis's {@code populate-validated-user}
     * stamps core messages only, so the plugin stamps every request itself, replacing whatever a sender
     * put in that property.
     */
    private static void stampValidatedUser(ServerSession session, Message message) {
        message.removeProperty(Message.HDR_VALIDATED_USER);
        if (session.getValidatedUser() != null) {
            message.putStringProperty(Message.HDR_VALIDATED_USER.toString(), session.getValidatedUser());
        }
    }

    private static void useMessageIdForDuplicates(ServerSession session, Message message) {
        message.removeProperty(Message.HDR_DUPLICATE_DETECTION_ID);
        Object messageId = message.getUserID();
        if (messageId != null && CallerReferences.isRecordable(messageId.toString())) {
            message.putStringProperty(Message.HDR_DUPLICATE_DETECTION_ID, session.getUsername() + ":" + messageId);
        }
    }
}
