package ir.nix.core.inquiry;

import ir.nix.core.node.NodeProperties;
import ir.nix.core.service.InputField;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.subject.SubjectTokens;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficSink;
import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Builds the exchange's traffic record from metadata only and hands it to every sink (store, metrics).
 * 003 Art. 31.4: nothing from the payload is copied here.
 */
@Component
class TrafficRecording implements InquiryStep {

    private final List<TrafficSink> sinks;
    private final SubjectTokens subjectTokens;
    private final String busNode;

    TrafficRecording(List<TrafficSink> sinks, SubjectTokens subjectTokens, NodeProperties node) {
        this.sinks = List.copyOf(sinks);
        this.subjectTokens = subjectTokens;
        this.busNode = node.node();
    }

    @Override
    public void apply(InquiryContext inquiry) {
        TrafficRecord record = record(inquiry);
        for (TrafficSink sink : sinks) {
            sink.accept(record);
        }
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
        return new TrafficRecord(
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
                verdict(decision),
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
