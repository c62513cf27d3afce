package ir.nix.core.startup;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Start-up work of one bean that no other bean needs while the context is being built (generating or
 * loading the signing key, building and warming a SOAP client, starting the demo's simulated agencies),
 * run on a thread of its own so that it overlaps the rest of the start instead of adding to it.
 *
 * <p>Its owner joins it in {@code SmartInitializingSingleton.afterSingletonsInstantiated()}, which Spring
 * calls once every singleton exists and before the web server accepts a connection or the node reports
 * ready: readiness still means the work is done, and a failure (a key store that cannot be read) still
 * stops the start with the work's own exception, as it did when the work ran in the constructor.
 */
public final class BackgroundStart<T> {

    private final CompletableFuture<T> result;

    private BackgroundStart(CompletableFuture<T> result) {
        this.result = result;
    }

    /**
     * Runs {@code work} on a new daemon thread named {@code nix-start-<name>}, which inherits the caller's
     * context class loader (the application's, in the packaged jar).
     */
    public static <T> BackgroundStart<T> run(String name, Supplier<T> work) {
        return new BackgroundStart<>(CompletableFuture.supplyAsync(work, task -> {
            Thread thread = new Thread(task, "nix-start-" + name);
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** The work's result, waiting for it; its unchecked exception or error is rethrown as it was thrown. */
    public T get() {
        try {
            return result.join();
        } catch (CompletionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw failed;
        }
    }
}
