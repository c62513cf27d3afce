package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
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
    private final List<InquiryStep> refuseAtTheDoor;
    private volatile boolean started;
    /** The route's entry, looked up once: {@code sendBody(String, …)} parses the URI and resolves it on every call. */
    private volatile Endpoint entry;

    /**
     * Camel starts its routes on Spring's context-refreshed event, which comes after the web server already
     * accepts connections. An inquiry in that window (before readiness says UP, so a load balancer sends
     * none) is answered at once with {@code 503 NODE_NOT_READY}, rendered and recorded by the pipeline's own
     * steps without the route: it never waits, and never goes unrecorded.
     *
     * <p>An inquiry its door refused ({@code BUS_SATURATED}: the node or its provider's share was full) takes the
     * route's first steps and its last two directly, without Camel: the refusal is the whole answer and must be
     * cheap when the node is busiest (issue 11). It gets the same consumer, service, outcome, reply and record.
     */
    @Autowired
    InquiryPipeline(ProducerTemplate producer, CamelContext camel, ArrivalCheck arrival, ServiceResolution resolution,
                    AdmissionCheck admission, ReplyRendering rendering, TrafficRecording recording) {
        this(producer, camel, List.of(rendering, recording), List.of(arrival, resolution, admission, rendering, recording));
    }

    InquiryPipeline(ProducerTemplate producer, CamelContext camel, List<InquiryStep> answerWithoutRoute,
                    List<InquiryStep> refuseAtTheDoor) {
        this.producer = producer;
        this.camel = camel;
        this.answerWithoutRoute = answerWithoutRoute;
        this.refuseAtTheDoor = refuseAtTheDoor;
    }

    public InquiryReply handle(InquiryRequest request) {
        InquiryContext inquiry = new InquiryContext(request);
        if (request.door().refused()) {
            refuseAtTheDoor(inquiry);
        } else if (started || camel.isStarted()) {
            started = true;
            mediate(inquiry);
        } else {
            refuseWhileStarting(inquiry);
        }
        return inquiry.reply().orElseGet(inquiry::toReply);
    }

    private void mediate(InquiryContext inquiry) {
        try {
            Endpoint to = entry;
            if (to == null) {
                to = camel.getEndpoint(InquiryPipelineRoute.ENTRY);
                entry = to;
            }
            producer.sendBody(to, inquiry);
        } finally {
            inquiry.releaseAdmission();
        }
    }

    private void refuseAtTheDoor(InquiryContext inquiry) {
        try {
            run(refuseAtTheDoor, inquiry);
        } catch (RuntimeException unexpected) {
            // As the route's own exception handler: INTERNAL_ERROR, rendered and recorded, the type in the log.
            UnexpectedFailure.decide(inquiry, "refuse-at-the-door", unexpected);
            run(answerWithoutRoute, inquiry);
        }
    }

    private static void run(List<InquiryStep> steps, InquiryContext inquiry) {
        for (InquiryStep step : steps) {
            if (!inquiry.decided() || step.runsAfterDecision()) {
                step.apply(inquiry);
            }
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
