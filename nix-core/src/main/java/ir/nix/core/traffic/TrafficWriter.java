package ir.nix.core.traffic;

import ir.nix.core.traffic.chain.TrafficChain;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drains the durable traffic queue into the store in batches, one JMS transaction per batch: the
 * batch is committed on the queue only after the store has accepted it. While the store is down the
 * batch is retried with backoff and the rest waits in the queue; after a crash, uncommitted records
 * are redelivered and the chain drops those already stored, so each is stored (and chained) once.
 * Being the node's only writer is what lets {@link TrafficChain} number the node's records without gaps.
 *
 * <p>A plain consumer loop rather than a Camel JMS route: a Camel JMS consumer commits per message,
 * and batching in an aggregator would acknowledge records before they are stored.
 */
@Component
public class TrafficWriter implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficWriter.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final ConnectionFactory connections;
    private final TrafficChain chain;
    private final TrafficRecordJson records;
    private final TrafficProperties properties;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running;
    private Thread loop;

    public TrafficWriter(ConnectionFactory connections, TrafficChain chain, JsonMapper json, TrafficProperties properties) {
        this.connections = connections;
        this.chain = chain;
        this.records = new TrafficRecordJson(json);
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
        loop = new Thread(this::run, "traffic-writer");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            try {
                loop.join(properties.flushInterval().toMillis() * 5 + 1_000);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Records this node has written to the store since it started. */
    public long written() {
        return written.get();
    }

    private void run() {
        long backoff = 100;
        while (running) {
            // The session and consumer are closed with the loop, not only the connection: the factory caches a shared
            // connection, so a consumer left open after stop() would keep the records it had prefetched, unacknowledged
            // and undelivered to the next loop, for as long as the node runs.
            try (Connection connection = connections.createConnection();
                 Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                 MessageConsumer consumer = session.createConsumer(session.createQueue(properties.queue()))) {
                connection.start();
                backoff = 100;
                drain(session, consumer);
            } catch (JMSException | RuntimeException brokerTrouble) {
                if (!running) {
                    return;
                }
                LOG.warn("traffic queue not reachable ({}); reconnecting in {} ms", brokerTrouble.getClass().getSimpleName(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private void drain(Session session, MessageConsumer consumer) throws JMSException {
        while (running) {
            List<TrafficRecord> batch = receiveBatch(consumer);
            if (batch.isEmpty()) {
                continue;
            }
            int stored = storeWithRetry(batch);
            if (stored < 0) {
                session.rollback();
                return;
            }
            session.commit();
            written.addAndGet(stored);
        }
    }

    /**
     * Whole messages, each a group of records ({@link GroupCommit}), until the batch holds {@code batchSize}
     * records or {@code linger} has passed since the first: the records are already durable in the queue, so
     * waiting a moment costs no caller anything and saves the store a commit per handful of records.
     */
    private List<TrafficRecord> receiveBatch(MessageConsumer consumer) throws JMSException {
        List<TrafficRecord> batch = new ArrayList<>(properties.batchSize());
        Message first = consumer.receive(properties.flushInterval().toMillis());
        if (first == null) {
            return batch;
        }
        read(first, batch);
        long lingerEnds = System.nanoTime() + properties.linger().toNanos();
        while (batch.size() < properties.batchSize()) {
            long leftMillis = (lingerEnds - System.nanoTime()) / 1_000_000;
            Message next = leftMillis > 0 ? consumer.receive(leftMillis) : consumer.receiveNoWait();
            if (next == null) {
                break;
            }
            read(next, batch);
        }
        return batch;
    }

    /** A group (a JSON array), or a single record as nodes before group commit sent them. */
    private void read(Message message, List<TrafficRecord> batch) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        records.read(body, batch);
    }

    /** @return records stored (redelivered ones are not stored again), or -1 when the bus is stopping with the batch still unwritten (it stays queued) */
    private int storeWithRetry(List<TrafficRecord> batch) {
        long backoff = 100;
        while (true) {
            try {
                return chain.append(batch);
            } catch (RuntimeException storeDown) {
                if (!running) {
                    return -1;
                }
                LOG.warn("traffic store refused a batch of {} records ({}); they stay queued, retrying in {} ms",
                        batch.size(), storeDown.getClass().getSimpleName(), backoff);
                sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
