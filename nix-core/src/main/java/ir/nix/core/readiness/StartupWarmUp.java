package ir.nix.core.readiness;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link WarmUp} once the context has refreshed (Camel's routes run by then) and before Spring
 * Boot declares the application ready: an {@link ApplicationRunner} runs before the readiness state turns to
 * {@code ACCEPTING_TRAFFIC}, and {@link BusReadiness} stays {@code OUT_OF_SERVICE} until it has finished.
 */
@Component
class StartupWarmUp implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);

    private final List<WarmUp> warmUps;
    private volatile boolean done;

    StartupWarmUp(List<WarmUp> warmUps) {
        this.warmUps = warmUps;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        long start = System.nanoTime();
        for (WarmUp warmUp : warmUps) {
            warm(warmUp);
        }
        done = true;
        LOG.info("warm-up finished in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    private static void warm(WarmUp warmUp) {
        long start = System.nanoTime();
        try {
            warmUp.warm();
            LOG.info("warm-up {} took {} ms", warmUp.name(), (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException failed) {
            // The type only: a message could quote configuration or, in a bug, data.
            LOG.warn("warm-up {} failed ({}); the first inquiries will be slower", warmUp.name(), failed.getClass().getName());
        }
    }

    boolean done() {
        return done;
    }
}
