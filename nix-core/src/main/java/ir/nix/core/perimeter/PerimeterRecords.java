package ir.nix.core.perimeter;

import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.node.NodeProperties;
import ir.nix.core.traffic.TrafficPathAvailability;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficSink;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Rule 3: a request refused at the perimeter (a header over the limit, a bad or unknown path, a wrong
 * method) is an exchange too, with a traffic record: channel {@code PERIMETER}, outcome
 * {@code PERIMETER_REJECTED}, the status answered and the problem's code as {@code reason}. Nothing of
 * the request is kept, neither its path nor a header value nor the caller's request ID (003 Art. 31.4):
 * only sizes, times and the node.
 *
 * <p>Rule 5: the refusal waits for its record's durable hand-over, like every other refusal (the durable
 * sink's own bounded wait). When the traffic path is down the refusal still answers with its own status:
 * there is no data to withhold from a request that reached no channel, and a {@code 503} would hide
 * what is wrong with it; the lost record is counted and logged ({@link TrafficPathAvailability#lost}).
 */
@Component
public class PerimeterRecords {

    private final List<TrafficSink> durableSinks;
    private final List<TrafficSink> otherSinks;
    private final TrafficPathAvailability path;
    private final String busNode;

    private final MeterRegistry meters;

    PerimeterRecords(List<TrafficSink> sinks, TrafficPathAvailability path, NodeProperties node,
                     ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable();
        this.durableSinks = sinks.stream().filter(TrafficSink::durable).toList();
        this.otherSinks = sinks.stream().filter(sink -> !sink.durable()).toList();
        this.path = path;
        this.busNode = node.node();
    }

    /**
     * A refusal answered by a servlet at the edge of a channel (the REST channel's unknown path or wrong
     * method): counted in {@code nix_perimeter_rejections_total} and recorded, before its reply is written.
     */
    public void refused(PerimeterProblem problem, HttpServletRequest request, int replyBytes) {
        PerimeterMetrics.rejected(meters, problem.status());
        record(problem, Instant.now(), Math.max(0, request.getContentLengthLong()), replyBytes);
    }

    /** As {@link #record(PerimeterProblem, String, Instant, long, int)}, the problem's code as the reason. */
    void record(PerimeterProblem problem, Instant receivedAt, long requestBytes, int replyBytes) {
        record(problem, problem.code(), receivedAt, requestBytes, replyBytes);
    }

    /**
     * @param reason       a stable code: the problem's, or a more precise one the container told
     * @param receivedAt   when the request arrived
     * @param requestBytes the declared body length, 0 when none was declared
     * @param replyBytes   the problem document's length
     */
    void record(PerimeterProblem problem, String reason, Instant receivedAt, long requestBytes, int replyBytes) {
        Instant answeredAt = Instant.now();
        long micros = Math.max(0, Duration.between(receivedAt, answeredAt).toNanos() / 1_000);
        TrafficRecord record = new TrafficRecord(problem.trackingId(), null, null, Channel.PERIMETER, null, null, null,
                null, null, null, null, null, PolicyVerdict.NOT_REACHED, OutcomeCode.PERIMETER_REJECTED, problem.status(),
                receivedAt, null, answeredAt, micros, null, (int) Math.max(0, Math.min(requestBytes, Integer.MAX_VALUE)),
                replyBytes, busNode, null, null).withReason(reason);
        if (!path.handOver(durableSinks, record)) {
            path.lost(record.trackingId().toString());
        }
        otherSinks.forEach(sink -> sink.accept(record));
    }
}
