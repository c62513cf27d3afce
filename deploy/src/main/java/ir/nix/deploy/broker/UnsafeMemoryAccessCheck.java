package ir.nix.deploy.broker;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the embedded broker runs on Java 24+ without {@code --sun-misc-unsafe-memory-access=allow}:
 * Netty 4.2 then frees direct buffers through its Java 25 cleaner, which cannot free the buffers Artemis's journal
 * allocates itself, and under load the journal fails ({@code AMQ144010}); the node then refuses every inquiry
 * ({@code TRAFFIC_PATH_UNAVAILABLE}) until restarted (docs/operators.md, "Running on JDK 24 or later").
 */
@Component
@ConditionalOnProperty(name = "spring.artemis.embedded.enabled", havingValue = "true", matchIfMissing = true)
class UnsafeMemoryAccessCheck {

    static final String OPTION = "--sun-misc-unsafe-memory-access=allow";
    private static final Logger LOG = LoggerFactory.getLogger(UnsafeMemoryAccessCheck.class);

    @EventListener(ContextRefreshedEvent.class)
    void warnIfMissing() {
        if (missing(Runtime.version().feature(), ManagementFactory.getRuntimeMXBean().getInputArguments())) {
            LOG.warn("the embedded broker runs on Java {} without {}: its journal can fail under load and the node would "
                    + "then refuse every inquiry; restart with that option (docs/operators.md, \"Running on JDK 24 or later\")",
                    Runtime.version().feature(), OPTION);
        }
    }

    static boolean missing(int javaFeature, List<String> jvmArguments) {
        return javaFeature >= 24 && !jvmArguments.contains(OPTION);
    }
}
