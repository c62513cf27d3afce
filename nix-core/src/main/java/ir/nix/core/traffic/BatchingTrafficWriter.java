package ir.nix.core.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Hands traffic records off the request path and writes them to the store in batches, so an exchange
 * never waits on the database. Failed batches are retried with backoff until the store accepts them.
 */
@Component
public class BatchingTrafficWriter implements TrafficSink, SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingTrafficWriter.class);

    private final TrafficStore store;
    private final TrafficProperties properties;
    private final BlockingQueue<TrafficRecord> queue;
    private volatile boolean running;
    private Thread writer;

    public BatchingTrafficWriter(TrafficStore store, TrafficProperties properties) {
        this.store = store;
        this.properties = properties;
        this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
    }

    @Override
    public void accept(TrafficRecord record) {
        try {
            queue.put(record);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing traffic record " + record.trackingId());
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::drainLoop, "traffic-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(properties.flushInterval().toMillis() * 10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        flushRemaining();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop late and start early, so records of the last exchanges are written before the store closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    public int backlog() {
        return queue.size();
    }

    private void drainLoop() {
        List<TrafficRecord> batch = new ArrayList<>(properties.batchSize());
        while (running) {
            try {
                TrafficRecord first = queue.poll(properties.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, properties.batchSize() - 1);
                writeWithRetry(batch);
                batch.clear();
            } catch (InterruptedException interrupted) {
                if (!batch.isEmpty()) {
                    queue.addAll(batch);
                }
                return;
            }
        }
    }

    private void writeWithRetry(List<TrafficRecord> batch) throws InterruptedException {
        long backoff = 100;
        while (true) {
            try {
                store.insert(batch);
                return;
            } catch (RuntimeException storeDown) {
                LOG.warn("traffic store refused a batch of {} records ({}); retrying in {} ms", batch.size(),
                        storeDown.getClass().getSimpleName(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private void flushRemaining() {
        List<TrafficRecord> rest = new ArrayList<>();
        queue.drainTo(rest);
        for (int from = 0; from < rest.size(); from += properties.batchSize()) {
            try {
                store.insert(rest.subList(from, Math.min(rest.size(), from + properties.batchSize())));
            } catch (RuntimeException storeDown) {
                LOG.error("{} traffic records could not be written at shutdown", rest.size() - from);
                return;
            }
        }
    }
}
