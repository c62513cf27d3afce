package ir.nix.core.traffic;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit of traffic records into the durable queue: the records that concurrent requests hand
 * over while one journal write is under way travel together in the next one, as one persistent
 * message (a JSON array) that the broker journals and syncs once. A request still returns only after
 * the write holding its record is on disk (rule 5), but N concurrent requests cost one broker
 * round trip, one journal record, one delivery and one acknowledgement instead of N.
 *
 * <p>Each of a few sender threads owns a JMS session and takes the next group while the others wait for
 * their journal writes ({@code nix.traffic.senders}). A request that waited longer than its bound while its
 * record was still pending withdraws it, so a record the caller was told is not durable never becomes
 * durable later; a record already being sent is waited for, which the broker's call timeout bounds. A sender
 * claims records only once it holds a session, so a broker that cannot be reached keeps no request waiting
 * beyond its bound.
 *
 * <p>Before it takes a group a sender waits, {@code nix.traffic.group-delay} at most, while the node mediates more
 * inquiries than records are pending (PostgreSQL's {@code commit_delay} with {@code commit_siblings}): their records
 * are moments away, and joining this group saves the broker a message, a sync and a delivery each. A lone inquiry
 * finds nothing else under way and is not delayed; the record that completes the group wakes the sender.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /**
     * Below Artemis's large-message threshold (100 KiB by default), so a group stays one journal record
     * rather than a file of its own.
     */
    private static final int MAX_GROUP_BYTES = 90 * 1024;
    /** Between attempts to reach a broker that refused a connection. */
    private static final long REOPEN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final ConnectionFactory connections;
    private final String queue;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private ArrayList<Pending> pending = new ArrayList<>();
    private volatile boolean running = true;
    private final List<Thread> senders = new ArrayList<>();
    private final AtomicLong groupsSent = new AtomicLong();
    private final long delayNanos;
    private final IntSupplier underWay;
    /** How many records {@link #pending} holds, for the senders' delay to read without the lock. */
    private volatile int pendingCount;
    /** The sender waiting for the records of the inquiries under way, woken by the last of them. */
    private volatile Thread gatherer;

    /**
     * @param senders how many groups may be on their way to the journal at once, each from a sender thread with
     *                a session of its own: while one waits for its sync the next group is already sent, so the
     *                broker syncs them together and a record waits for about one journal write, not two
     * @param delay    how long at most a sender waits for the records of inquiries still under way; zero sends every
     *                 group at once
     * @param underWay how many inquiries the node mediates now (each hands over one record before it answers)
     */
    GroupCommit(ConnectionFactory connections, String queue, int senders, Duration delay, IntSupplier underWay) {
        if (senders < 1) {
            throw new IllegalArgumentException("nix.traffic.senders must be at least 1");
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("nix.traffic.group-delay must not be negative");
        }
        this.connections = connections;
        this.queue = queue;
        this.delayNanos = delay.toNanos();
        this.underWay = underWay;
        for (int i = 1; i <= senders; i++) {
            Thread sender = new Thread(new Sender()::run, "traffic-group-commit-" + i);
            sender.setDaemon(true);
            this.senders.add(sender);
        }
        this.senders.forEach(Thread::start);
    }

    /** Queues one record (its JSON) for the next group. */
    Pending submit(byte[] record) {
        Pending entry = new Pending(record);
        lock.lock();
        try {
            if (!running) {
                entry.settle(Pending.FAILED);
                return entry;
            }
            pending.add(entry);
            pendingCount = pending.size();
            if (pending.size() == 1) {
                arrived.signal();
            }
            Thread gathering = gatherer;
            if (gathering != null && pending.size() >= underWay.getAsInt()) {
                LockSupport.unpark(gathering);
            }
        } finally {
            lock.unlock();
        }
        return entry;
    }

    /** Waits (a second at most) for a record to be pending; claims nothing, and forgets the withdrawn. */
    private boolean awaitPending() {
        lock.lock();
        try {
            pending.removeIf(entry -> entry.state() == Pending.WITHDRAWN);
            pendingCount = pending.size();
            if (running && pending.isEmpty()) {
                arrived.await(1, TimeUnit.SECONDS);
            }
            return !pending.isEmpty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Everything pending (up to a group's size), with each record claimed so it can no longer be withdrawn. */
    private List<Pending> take() {
        ArrayList<Pending> waiting;
        lock.lock();
        try {
            waiting = pending;
            pending = new ArrayList<>();
            pendingCount = 0;
        } finally {
            lock.unlock();
        }
        return claim(waiting);
    }

    private List<Pending> claim(ArrayList<Pending> waiting) {
        List<Pending> group = new ArrayList<>(waiting.size());
        int bytes = 2;
        for (int i = 0; i < waiting.size(); i++) {
            Pending entry = waiting.get(i);
            if (!group.isEmpty() && bytes + entry.record.length + 1 > MAX_GROUP_BYTES) {
                requeue(waiting.subList(i, waiting.size()));
                break;
            }
            if (entry.claim()) {
                group.add(entry);
                bytes += entry.record.length + 1;
            }
        }
        return group;
    }

    private void requeue(List<Pending> rest) {
        lock.lock();
        try {
            rest.addAll(pending);
            pending = new ArrayList<>(rest);
            pendingCount = pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** One sender: a connection, session and producer of its own, one group at a time. */
    private final class Sender {

        private Connection connection;
        private Session session;
        private MessageProducer producer;

        void run() {
            while (running) {
                if (!awaitPending()) {
                    continue;
                }
                // The session comes before the claim: while the broker cannot be reached the records stay pending,
                // and each request withdraws its own at its bound (503) instead of waiting on a connection attempt.
                if (producer == null && !open()) {
                    LockSupport.parkNanos(REOPEN_PAUSE_NANOS);
                    continue;
                }
                if (delayNanos > 0) {
                    gather();
                }
                List<Pending> group = take();
                if (group.isEmpty()) {
                    continue;
                }
                try {
                    send(group);
                    groupsSent.incrementAndGet();
                    group.forEach(entry -> entry.settle(Pending.DURABLE));
                } catch (JMSException | RuntimeException refused) {
                    LOG.warn("traffic queue refused a group of {} records ({})", group.size(), refused.getClass().getSimpleName());
                    closeSession();
                    group.forEach(entry -> entry.settle(Pending.FAILED));
                }
            }
            closeSession();
        }

        /**
         * While more inquiries are under way than records pending, lets their records join this group, for
         * {@code delay} at most: they wait a little longer for their write, and the broker handles one message, one
         * sync and one delivery for all of them. The record that completes the group wakes the sender; a sender
         * woken otherwise looks again.
         */
        private void gather() {
            long until = System.nanoTime() + delayNanos;
            long left = delayNanos;
            gatherer = Thread.currentThread();
            try {
                while (running && left > 0 && underWay.getAsInt() > pendingCount) {
                    LockSupport.parkNanos(left);
                    left = until - System.nanoTime();
                }
            } finally {
                gatherer = null;
            }
        }

        private boolean open() {
            try {
                connection = connections.createConnection();
                session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                producer = session.createProducer(session.createQueue(queue));
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                return true;
            } catch (JMSException | RuntimeException unreachable) {
                closeSession();
                return false;
            }
        }

        private void send(List<Pending> group) throws JMSException {
            BytesMessage message = session.createBytesMessage();
            message.writeByte((byte) '[');
            for (int i = 0; i < group.size(); i++) {
                if (i > 0) {
                    message.writeByte((byte) ',');
                }
                message.writeBytes(group.get(i).record);
            }
            message.writeByte((byte) ']');
            // No properties, and no duplicate-detection ID: the broker would journal that ID beside every group (and
            // delete it again later), and a group is never re-sent: a refused one fails its requests, and the store
            // already keeps a redelivered record once (TrafficChain).
            // Persistent and non-transacted: send() returns once the broker has journalled (and synced) the group.
            producer.send(message);
        }

        private void closeSession() {
            producer = null;
            session = null;
            if (connection != null) {
                try {
                    connection.close();
                } catch (JMSException | RuntimeException ignored) {
                    // the connection is being replaced because it failed
                }
                connection = null;
            }
        }
    }

    /** Records waiting for a sender, the withdrawn among them until a sender forgets them. */
    int pending() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Groups the broker has journalled since this node started: records enqueued / groups is the records per journal write. */
    long groupsSent() {
        return groupsSent.get();
    }

    /** Stops taking records; those still pending are refused. */
    @Override
    public void close() {
        List<Pending> refused;
        lock.lock();
        try {
            running = false;
            refused = pending;
            pending = new ArrayList<>();
            pendingCount = 0;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        refused.forEach(entry -> entry.settle(Pending.FAILED));
        try {
            for (Thread sender : senders) {
                sender.join(5_000);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One record waiting for its group's journal write. */
    static final class Pending {

        static final int WAITING = 0;
        static final int SENDING = 1;
        static final int DURABLE = 2;
        static final int FAILED = 3;
        static final int WITHDRAWN = 4;

        private final byte[] record;
        private final AtomicInteger state = new AtomicInteger(WAITING);
        private final CountDownLatch settled = new CountDownLatch(1);

        private Pending(byte[] record) {
            this.record = record;
        }

        /** {@link #WAITING}, {@link #SENDING}, {@link #DURABLE}, {@link #FAILED} or {@link #WITHDRAWN}. */
        int state() {
            return state.get();
        }

        private boolean claim() {
            return state.compareAndSet(WAITING, SENDING);
        }

        private void settle(int outcome) {
            state.set(outcome);
            settled.countDown();
        }

        /**
         * @return whether the record is durable. After {@code waitNanos} a record still waiting is withdrawn
         *         (it will never be sent); one already being sent is waited for until the broker answers.
         */
        boolean awaitDurable(long waitNanos) throws InterruptedException {
            if (!settled.await(waitNanos, TimeUnit.NANOSECONDS) && state.compareAndSet(WAITING, WITHDRAWN)) {
                return false;
            }
            settled.await();
            return state.get() == DURABLE;
        }
    }
}
