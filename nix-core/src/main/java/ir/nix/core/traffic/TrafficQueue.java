package ir.nix.core.traffic;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each traffic record to a durable Artemis queue before the reply leaves the bus, so that a
 * crash after the reply cannot lose the record, and a store outage only delays it.
 *
 * <p>The send is persistent and blocks until the broker has journalled the message (Artemis's
 * block-on-durable-send default). The record is metadata only, so the journal holds no content.
 * Artemis duplicate detection on the tracking ID drops a record sent twice.
 */
@Component
public class TrafficQueue implements TrafficSink {

    /** Artemis's duplicate-detection header ({@code org.apache.activemq.artemis.api.core.Message.HDR_DUPLICATE_DETECTION_ID}). */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final JmsTemplate jms;
    private final JsonMapper json;
    private final String queue;
    private final AtomicLong enqueued = new AtomicLong();

    public TrafficQueue(ConnectionFactory connections, JsonMapper json, TrafficProperties properties) {
        this.jms = new JmsTemplate(connections);
        this.jms.setExplicitQosEnabled(true);
        this.jms.setDeliveryMode(DeliveryMode.PERSISTENT);
        this.json = json;
        this.queue = properties.queue();
    }

    @Override
    public void accept(TrafficRecord record) {
        byte[] body = json.writeValueAsBytes(record);
        jms.send(queue, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(body);
            message.setStringProperty(DUPLICATE_ID, record.trackingId().toString());
            return message;
        });
        enqueued.incrementAndGet();
    }

    @Override
    public boolean durable() {
        return true;
    }

    /** Records this node has handed to the queue since it started. */
    public long enqueued() {
        return enqueued.get();
    }
}
