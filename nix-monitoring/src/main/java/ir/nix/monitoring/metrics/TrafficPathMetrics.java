package ir.nix.monitoring.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.traffic.TrafficQueue;
import ir.nix.core.traffic.TrafficWriter;
import org.springframework.stereotype.Component;

/**
 * The traffic-record path of this node, for the backlog alert: records handed to the durable queue,
 * records written to the store, and the difference.
 *
 * <ul>
 *   <li>{@code nix_traffic_records_enqueued_total}, {@code nix_traffic_records_written_total}</li>
 *   <li>{@code nix_traffic_journal_writes_total}: record groups journalled (group commit); enqueued records
 *       over this is how many records share one journal write</li>
 *   <li>{@code nix_traffic_backlog}: enqueued minus written since this node started. With a broker
 *       shared by several nodes, a node may write records another enqueued, so one node's value can be
 *       negative: alert on the sum over nodes.</li>
 * </ul>
 */
@Component
class TrafficPathMetrics {

    TrafficPathMetrics(MeterRegistry registry, TrafficQueue queue, TrafficWriter writer) {
        FunctionCounter.builder("nix.traffic.records.enqueued", queue, TrafficQueue::enqueued)
                .description("Traffic records this node handed to the durable queue").register(registry);
        FunctionCounter.builder("nix.traffic.records.written", writer, TrafficWriter::written)
                .description("Traffic records this node wrote to the store").register(registry);
        FunctionCounter.builder("nix.traffic.journal.writes", queue, TrafficQueue::journalWrites)
                .description("Record groups this node wrote to the queue's journal (records enqueued per write is the group size)")
                .register(registry);
        Gauge.builder("nix.traffic.backlog", () -> queue.enqueued() - writer.written())
                .description("Traffic records enqueued but not yet written (this node's view)").register(registry);
    }
}
