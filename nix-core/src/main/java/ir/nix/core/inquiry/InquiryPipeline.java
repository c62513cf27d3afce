package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The entry every channel calls: runs an inquiry through the mediation route and returns its reply. */
@Component
public class InquiryPipeline {

    /** How soon a caller that found the node starting may retry: Camel's routes start within seconds. */
    static final Duration NOT_READY_RETRY_AFTER = Duration.ofSeconds(2);

    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final List<InquiryStep> answerWithoutRoute;
    private volatile boolean started;

    /**
     * Camel starts its routes on Spring's context-refreshed event, which comes after the web server already
     * accepts connections. An inquiry in that window (before readiness says UP, so a load balancer sends
     * none) is answered at once with {@code 503 NODE_NOT_READY}, rendered and recorded by the pipeline's own
     * steps without the route: it never waits, and never goes unrecorded.
     */
    @Autowired
    InquiryPipeline(ProducerTemplate producer, CamelContext camel, ReplyRendering rendering, TrafficRecording recording) {
        this(producer, camel, List.of(rendering, recording));
    }

    InquiryPipeline(ProducerTemplate producer, CamelContext camel, List<InquiryStep> answerWithoutRoute) {
        this.producer = producer;
        this.camel = camel;
        this.answerWithoutRoute = answerWithoutRoute;
    }

    public InquiryReply handle(InquiryRequest request) {
        InquiryContext inquiry = new InquiryContext(request);
        if (started || camel.isStarted()) {
            started = true;
            mediate(inquiry);
        } else {
            refuseWhileStarting(inquiry);
        }
        return inquiry.reply().orElseGet(inquiry::toReply);
    }

    private void mediate(InquiryContext inquiry) {
        try {
            producer.sendBody(InquiryPipelineRoute.ENTRY, inquiry);
        } finally {
            inquiry.releaseAdmission();
        }
    }

    private void refuseWhileStarting(InquiryContext inquiry) {
        inquiry.decide(OutcomeCode.NODE_NOT_READY, "this bus node is still starting and accepts no inquiries yet;"
                + " retry shortly, or at another node");
        inquiry.retryAfter(NOT_READY_RETRY_AFTER);
        for (InquiryStep step : answerWithoutRoute) {
            step.apply(inquiry);
        }
    }
}
