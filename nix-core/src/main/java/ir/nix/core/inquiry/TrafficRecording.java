package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.node.NodeProperties;
import ir.nix.core.service.InputField;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.subject.SubjectTokens;
import ir.nix.core.traffic.TrafficPathAvailability;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficSink;
import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds the exchange's traffic record from metadata only and hands it to every sink (store, metrics).
 * 003 Art. 31.4: nothing from the payload is copied here.
 */
@Component
class TrafficRecording implements InquiryStep {

    /** How soon a caller refused for want of a durable record may retry: the path probe runs every second. */
    private static final Duration TRAFFIC_PATH_RETRY_AFTER = Duration.ofSeconds(5);

    private final List<TrafficSink> durableSinks;
    private final List<TrafficSink> otherSinks;
    private final SubjectTokens subjectTokens;
    private final String busNode;
    private final ReplyRendering rendering;
    private final TrafficPathAvailability path;

    TrafficRecording(List<TrafficSink> sinks, SubjectTokens subjectTokens, NodeProperties node, ReplyRendering rendering,
                     TrafficPathAvailability path) {
        this.durableSinks = sinks.stream().filter(TrafficSink::durable).toList();
        this.otherSinks = sinks.stream().filter(sink -> !sink.durable()).toList();
        this.subjectTokens = subjectTokens;
        this.busNode = node.node();
        this.rendering = rendering;
        this.path = path;
    }

    /**
     * Rule 5, no reply without its record: when the record cannot be made durable, the rendered reply
     * (which may carry provider data) is replaced by a {@code 503 TRAFFIC_PATH_UNAVAILABLE} problem, whose
     * own record the bus tries to make durable in turn.
     */
    @Override
    public void apply(InquiryContext inquiry) {
        TrafficRecord record = record(inquiry);
        if (!madeDurable(record)) {
            inquiry.decide(OutcomeCode.TRAFFIC_PATH_UNAVAILABLE, "the bus cannot record exchanges right now, so it"
                    + " answers none; retry shortly, or at another node");
            inquiry.retryAfter(TRAFFIC_PATH_RETRY_AFTER);
            rendering.apply(inquiry);
            record = record(inquiry);
            if (!madeDurable(record)) {
                path.lost(record.trackingId().toString());
            }
        }
        for (TrafficSink sink : otherSinks) {
            sink.accept(record);
        }
    }

    private boolean madeDurable(TrafficRecord record) {
        return path.handOver(durableSinks, record);
    }

    @Override
    public boolean runsAfterDecision() {
        return true;
    }

    private TrafficRecord record(InquiryContext inquiry) {
        InquiryRequest request = inquiry.request();
        InquiryReply reply = inquiry.reply().orElseThrow();
        Optional<ServiceDescriptor> service = inquiry.service();
        Optional<Decision> decision = inquiry.decision();
        Optional<Decision.Permit> permit = decision.filter(Decision.Permit.class::isInstance).map(Decision.Permit.class::cast);
        Optional<Decision.Deny> deny = decision.filter(Decision.Deny.class::isInstance).map(Decision.Deny.class::cast);
        long totalMicros = (System.nanoTime() - request.receivedNanos()) / 1_000;
        TrafficRecord record = new TrafficRecord(
                request.trackingId(),
                request.parent().orElse(null),
                request.callerRequestId().orElse(null),
                request.channel(),
                request.consumer().orElse(null),
                service.map(ServiceDescriptor::provider).orElse(null),
                service.map(ServiceDescriptor::code).orElse(null),
                service.map(ServiceDescriptor::version).orElse(null),
                permit.map(Decision.Permit::grantId).or(() -> deny.flatMap(Decision.Deny::grantId)).orElse(null),
                permit.map(Decision.Permit::resolutionRef).or(() -> deny.flatMap(Decision.Deny::resolutionRef)).orElse(null),
                inquiry.bundle().map(BundleIdentity::version).orElse(null),
                inquiry.bundle().map(BundleIdentity::sha256).orElse(null),
                inquiry.forwardedToHub() ? PolicyVerdict.FORWARDED : verdict(decision),
                reply.outcome(),
                reply.outcome().httpStatus(),
                request.receivedAt(),
                inquiry.forwardedAt().orElse(null),
                inquiry.answeredAt().orElse(null),
                totalMicros,
                inquiry.providerNanos() < 0 ? null : inquiry.providerNanos() / 1_000,
                request.requestBytes(),
                reply.encoded().length,
                busNode,
                request.clientCertificate().orElse(null),
                subjectToken(inquiry).orElse(null));
        return refusalReason(request, reply).map(record::withReason).orElse(record);
    }

    /** The channel's precise reason (why a certificate identified nobody), when its rejection is the answer. */
    private static Optional<String> refusalReason(InquiryRequest request, InquiryReply reply) {
        return request.rejection().filter(rejection -> rejection.outcome() == reply.outcome())
                .map(InquiryRequest.Rejection::reason);
    }

    /** Only a keyed token of the first data-subject input, never the identifier itself. */
    private Optional<String> subjectToken(InquiryContext inquiry) {
        if (!subjectTokens.enabled()) {
            return Optional.empty();
        }
        return inquiry.service().flatMap(service -> service.inputs().stream().filter(InputField::dataSubject)
                        .map(field -> inquiry.input().flatMap(input -> input.find(field.name(), Object.class)))
                        .flatMap(Optional::stream)
                        .findFirst())
                .flatMap(subject -> subjectTokens.token(subject, inquiry.request().receivedAt()));
    }

    private static PolicyVerdict verdict(Optional<Decision> decision) {
        return decision.map(d -> d instanceof Decision.Permit ? PolicyVerdict.PERMIT : PolicyVerdict.DENY)
                .orElse(PolicyVerdict.NOT_REACHED);
    }
}
