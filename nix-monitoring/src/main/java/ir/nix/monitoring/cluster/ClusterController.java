package ir.nix.monitoring.cluster;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cluster/nodes}: every bus node of the store with its traffic in the dashboard
 * window and the policy bundle it decides under. Operators and auditors only: it describes the
 * exchange centre, not one agency's traffic.
 */
@RestController
class ClusterController {

    private final ClusterNodes nodes;

    ClusterController(ClusterNodes nodes) {
        this.nodes = nodes;
    }

    @GetMapping("/api/v1/cluster/nodes")
    ResponseEntity<ClusterNodes.View> nodes() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(nodes.view());
    }
}
