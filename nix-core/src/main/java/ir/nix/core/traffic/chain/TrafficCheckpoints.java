package ir.nix.core.traffic.chain;

import ir.nix.core.signing.BusSigner;
import ir.nix.core.signing.CertificatePem;
import ir.nix.core.traffic.TrafficProperties;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Anchors this node's chain: every {@code nix.traffic.checkpoint-interval}, if the head moved, signs
 * it with the bus key into {@code traffic_checkpoint}. Whoever can write to the store can recompute
 * an unsigned chain; a signed head they cannot forge, so records up to the last checkpoint are
 * tamper-evident and later ones are "not yet anchored" until the next run.
 *
 * <p>Its own thread, off the writer's: signing never delays the traffic path. It stops after the
 * writer (lower phase) and takes a last checkpoint then, so a clean shutdown leaves nothing unanchored.
 */
@Component
public class TrafficCheckpoints implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficCheckpoints.class);

    private final TrafficChain chain;
    private final ChainStore store;
    private final BusSigner signer;
    private final long intervalMillis;
    private final Clock clock = Clock.systemUTC();
    private volatile Long lastCheckpointSeq;
    private volatile ScheduledExecutorService timer;

    TrafficCheckpoints(TrafficChain chain, ChainStore store, BusSigner signer, TrafficProperties properties) {
        this.chain = chain;
        this.store = store;
        this.signer = signer;
        this.intervalMillis = properties.checkpointInterval().toMillis();
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "traffic-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        started.scheduleWithFixedDelay(this::checkpointQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        timer = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = timer;
        timer = null;
        if (stopping != null) {
            stopping.shutdown();
            try {
                stopping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            checkpointQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Stops after the traffic writer (which runs in the default phase), so its last batch is anchored. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }

    /** Signs the chain head if it moved since the last checkpoint. @return the checkpoint written, if any */
    public synchronized Optional<Checkpoint> checkpoint() {
        Optional<ChainLink> head = chain.head().or(() -> store.head(chain.node()));
        long last = lastCheckpointSeq != null ? lastCheckpointSeq : store.lastCheckpointSeq(chain.node());
        lastCheckpointSeq = last;
        if (head.isEmpty() || head.get().seq() <= last) {
            return Optional.empty();
        }
        Checkpoint checkpoint = new Checkpoint(chain.node(), head.get().seq(), head.get().hash(), head.get().seq() - last,
                clock.instant());
        store.insertCheckpoint(checkpoint, signer.signDetached(checkpoint.canonicalText()),
                CertificatePem.encode(signer.certificate()));
        lastCheckpointSeq = checkpoint.seq();
        return Optional.of(checkpoint);
    }

    private void checkpointQuietly() {
        try {
            checkpoint();
        } catch (RuntimeException storeTrouble) {
            lastCheckpointSeq = null;
            LOG.warn("traffic checkpoint not written ({}); retrying in {} ms", storeTrouble.getClass().getSimpleName(), intervalMillis);
        }
    }
}
