package ir.nix.core.inquiry;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The entry every channel calls: runs an inquiry through the mediation route and returns its reply. */
@Component
public class InquiryPipeline {

    /**
     * Camel starts on Spring's context-refreshed event, which comes after the web server already
     * accepts connections: an inquiry arriving in that window waits for the route rather than failing
     * unrecorded. Bounded, because a pipeline that never starts is a broken bus, not a slow one.
     */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static final long STARTUP_POLL_NANOS = Duration.ofMillis(5).toNanos();

    private final ProducerTemplate producer;
    private final CamelContext camel;
    private volatile boolean started;

    InquiryPipeline(ProducerTemplate producer, CamelContext camel) {
        this.producer = producer;
        this.camel = camel;
    }

    public InquiryReply handle(InquiryRequest request) {
        if (!started) {
            awaitStart();
        }
        InquiryContext inquiry = new InquiryContext(request);
        try {
            producer.sendBody(InquiryPipelineRoute.ENTRY, inquiry);
        } finally {
            inquiry.releaseAdmission();
        }
        return inquiry.reply().orElseGet(inquiry::toReply);
    }

    private void awaitStart() {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        while (!camel.isStarted()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the inquiry pipeline did not start within " + STARTUP_WAIT.toSeconds() + " s");
            }
            LockSupport.parkNanos(STARTUP_POLL_NANOS);
        }
        started = true;
    }
}
