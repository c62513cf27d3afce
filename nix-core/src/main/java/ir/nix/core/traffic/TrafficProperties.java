package ir.nix.core.traffic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Traffic record path settings ({@code nix.traffic.*}).
 *
 * @param queue         the durable Artemis queue records travel through
 * @param batchSize     records per store transaction
 * @param flushInterval longest the writer waits to fill a batch
 * @param retentionDays traffic records older than this many days are dropped (whole daily partitions on PostgreSQL)
 * @param partitionsAhead daily PostgreSQL partitions kept ready ahead of today
 * @param checkpointInterval how often the node signs its chain head when it moved (records after the last
 *                           checkpoint are not yet anchored)
 * @param durableWait   longest a request waits for its record's group to be taken by the broker before the
 *                      exchange is refused ({@code 503 TRAFFIC_PATH_UNAVAILABLE}); a group already being
 *                      sent is bounded by the broker connection's call timeout instead
 * @param linger        how long the writer goes on collecting a store batch after its first record (the
 *                      records wait in the durable queue meanwhile: no caller waits for the store)
 * @param senders       how many record groups may be on their way to the broker's journal at once (each from a
 *                      sender with its own session). With one (the default), a record arriving during a journal
 *                      write waits for that write and its own, so groups are larger and the broker handles
 *                      fewer messages per record (less CPU per inquiry); a second sender overlaps the writes,
 *                      which lifts the queue's throughput when nothing else needs the CPU
 * @param groupDelay    how long at most a sender waits, before it sends a group, for the records of inquiries
 *                      already under way on the node (admitted, not yet at their record): like PostgreSQL's
 *                      {@code commit_delay} with {@code commit_siblings}, it waits only while more inquiries are in
 *                      flight than records pending, so a lone inquiry is never delayed. Under load the broker then
 *                      handles fewer, larger groups (less CPU per inquiry) and each record waits up to this much
 *                      longer for its journal write. {@code 0} sends each group as soon as the previous write returns
 */
@ConfigurationProperties(prefix = "nix.traffic")
public record TrafficProperties(@DefaultValue("nix.traffic") String queue, @DefaultValue("500") int batchSize,
                                @DefaultValue("200ms") Duration flushInterval, @DefaultValue("400") int retentionDays,
                                @DefaultValue("7") int partitionsAhead, @DefaultValue("1m") Duration checkpointInterval,
                                @DefaultValue("5s") Duration durableWait,
                                @DefaultValue("50ms") Duration linger, @DefaultValue("1") int senders,
                                @DefaultValue("1ms") Duration groupDelay) {
}
