package ir.nix.monitoring.cluster;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.PolicyDecisionPoint;
import ir.nix.monitoring.dashboard.DashboardProperties;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cluster as the shared store sees it: every bus node that recorded exchanges in the dashboard
 * window, with its count, its latest exchange and the policy bundle its latest decision was made under.
 * A node's live dashboard counts only its own traffic; this view is built from PostgreSQL (or H2 for a
 * single node), so every node shows the same cluster. Nodes deciding under different bundle hashes
 * after a bundle change mean a node did not pick the change up.
 *
 * <p>Two indexed queries per call ({@code traffic_record_received}); the records hold only metadata
 * (003 Art. 31.4), and so does this view.
 */
@Component
public class ClusterNodes {

    /** One node's figures in the window. {@code policy} is empty when none of its exchanges reached a decision. */
    public record Node(String node, long exchanges, Instant lastExchange, Optional<BundleIdentity> policy) {
    }

    /**
     * @param since       start of the window
     * @param answeredBy  the node that answered this request, with the bundle it decides under now
     * @param policy      that bundle
     * @param nodes       every node with exchanges in the window, by name
     * @param bundleAgreed whether every node's latest decision used the same bundle hash
     */
    public record View(Instant since, String answeredBy, BundleIdentity policy, List<Node> nodes, boolean bundleAgreed) {
    }

    private final JdbcTemplate jdbc;
    private final DashboardProperties window;
    private final PolicyDecisionPoint policy;
    private final String node;

    public ClusterNodes(JdbcTemplate jdbc, DashboardProperties window, PolicyDecisionPoint policy,
                        @Value("${nix.node:nix-1}") String node) {
        this.jdbc = jdbc;
        this.window = window;
        this.policy = policy;
        this.node = node;
    }

    public View view() {
        Instant since = Instant.now().minus(window.window());
        Map<String, Node> nodes = new TreeMap<>();
        jdbc.query("SELECT bus_node, COUNT(*), MAX(received_at) FROM traffic_record WHERE received_at >= ? GROUP BY bus_node",
                rows -> {
                    String name = rows.getString(1);
                    nodes.put(name, new Node(name, rows.getLong(2), rows.getTimestamp(3).toInstant(), Optional.empty()));
                }, Timestamp.from(since));
        jdbc.query("SELECT t.bus_node, t.policy_version, t.policy_hash FROM traffic_record t JOIN ("
                        + "SELECT bus_node, MAX(received_at) AS latest FROM traffic_record "
                        + "WHERE received_at >= ? AND policy_hash IS NOT NULL GROUP BY bus_node) l "
                        + "ON t.bus_node = l.bus_node AND t.received_at = l.latest WHERE t.policy_hash IS NOT NULL",
                rows -> {
                    Node found = nodes.get(rows.getString(1));
                    if (found != null && found.policy().isEmpty()) {
                        nodes.put(found.node(), new Node(found.node(), found.exchanges(), found.lastExchange(),
                                Optional.of(new BundleIdentity(rows.getString(2), rows.getString(3)))));
                    }
                }, Timestamp.from(since));
        List<Node> listed = new ArrayList<>(nodes.values());
        long hashes = listed.stream().flatMap(n -> n.policy().stream()).map(BundleIdentity::sha256).distinct().count();
        return new View(since, node, policy.activeBundle(), listed, hashes <= 1);
    }
}
