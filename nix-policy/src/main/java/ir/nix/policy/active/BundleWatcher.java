package ir.nix.policy.active;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a bundle directory and reloads the policy when anything in it changes.
 *
 * <p>Any change in the directory counts, not only the known file names: Kubernetes mounts a ConfigMap
 * as symlinks into a {@code ..data} directory it swaps atomically, which shows up as events on
 * {@code ..data}. Editors and {@code git checkout} write several files in a burst, so the watcher waits
 * for a quiet period before reloading once. A reload that changes nothing is reported as
 * {@link ReloadOutcome.Unchanged}.
 *
 * <p>Runs on one daemon thread; {@link #close()} stops it.
 */
public final class BundleWatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BundleWatcher.class.getName());

    private final WatchService watchService;
    private final Thread thread;

    private BundleWatcher(WatchService watchService, Thread thread) {
        this.watchService = watchService;
        this.thread = thread;
    }

    /**
     * @param policy      reloaded on change; its location must be a directory
     * @param quietPeriod how long the directory must stay unchanged before a reload
     * @param onReload    told every outcome, e.g. to log it; called on the watcher thread
     */
    public static BundleWatcher start(ActivePolicy policy, Duration quietPeriod, Consumer<ReloadOutcome> onReload)
            throws IOException {
        Objects.requireNonNull(onReload, "onReload");
        Path directory = policy.location().directory().orElseThrow(() ->
                new IllegalArgumentException("a classpath bundle cannot be watched: " + policy.location()));
        WatchService watchService = FileSystems.getDefault().newWatchService();
        try {
            directory.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            watchService.close();
            throw e;
        }
        Thread thread = new Thread(() -> watch(watchService, quietPeriod, () -> onReload.accept(policy.reload())),
                "policy-bundle-watcher");
        thread.setDaemon(true);
        thread.start();
        return new BundleWatcher(watchService, thread);
    }

    private static void watch(WatchService watchService, Duration quietPeriod, Runnable reload) {
        try {
            while (true) {
                consume(watchService.take());
                WatchKey more;
                while ((more = watchService.poll(quietPeriod.toMillis(), TimeUnit.MILLISECONDS)) != null) {
                    consume(more);
                }
                reloadSurvivingListener(reload);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failing listener must not stop the watching: the next change is reloaded all the same. */
    private static void reloadSurvivingListener(Runnable reload) {
        try {
            reload.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "policy bundle reload listener failed", e);
        }
    }

    private static void consume(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() throws IOException {
        watchService.close();
        thread.interrupt();
    }
}
