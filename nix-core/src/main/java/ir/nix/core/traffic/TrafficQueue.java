package ir.nix.core.traffic;

import ir.nix.core.admission.Admission;
import jakarta.jms.ConnectionFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands each traffic record to a durable Artemis queue before the reply leaves the bus, so that a
 * crash after the reply cannot lose the record, and a store outage only delays it.
 *
 * <p>{@link #accept} returns once the broker has journalled the record; records of concurrent
 * requests share one journal write ({@link GroupCommit}). The record is metadata only, so the
 * journal holds no content. A record that is not durable within {@code nix.traffic.durable-wait}
 * is withdrawn and refused, and the exchange answers {@code 503 TRAFFIC_PATH_UNAVAILABLE}.
 */
@Component
public class TrafficQueue implements TrafficSink, DisposableBean {

    private final TrafficRecordJson records;
    private final GroupCommit groups;
    private final long waitNanos;
    private final AtomicLong enqueued = new AtomicLong();

    /** @param admission the node's inquiries in flight, which tell a group how many records are still to come */
    public TrafficQueue(ConnectionFactory connections, JsonMapper json, TrafficProperties properties,
                        ObjectProvider<Admission> admission) {
        this.records = new TrafficRecordJson(json);
        Admission door = admission.getIfAvailable();
        IntSupplier underWay = door == null ? () -> 0 : door::inFlight;
        this.groups = new GroupCommit(connections, properties.queue(), properties.senders(),
                properties.groupDelay(), underWay);
        this.waitNanos = properties.durableWait().toNanos();
    }

    /** @throws TrafficPathRefused when the record could not be made durable in time */
    @Override
    public void accept(TrafficRecord record) {
        GroupCommit.Pending pending = groups.submit(records.write(record));
        boolean durable;
        try {
            durable = pending.awaitDurable(waitNanos);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            durable = false;
        }
        if (!durable) {
            throw new TrafficPathRefused();
        }
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

    /** Journal writes (record groups) this node has made since it started; {@link #enqueued()} over this is the group size. */
    public long journalWrites() {
        return groups.groupsSent();
    }

    @Override
    public void destroy() {
        groups.close();
    }

    /** The durable queue did not take a record in time; carries no record content. */
    public static final class TrafficPathRefused extends RuntimeException {

        TrafficPathRefused() {
            super("the traffic record could not be made durable in time", null, false, false);
        }
    }
}
