package ir.nix.monitoring.traffic;

import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.ingress.ProblemResponse;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficStore;
import ir.nix.monitoring.access.Viewer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/traffic?trackingId=…}: one exchange's metadata, as the bus recorded it. An agency
 * sees the exchange only when it was the consumer or the provider; otherwise the answer is the same
 * 404 as for an unknown tracking ID, so that a tracking ID reveals nothing about others' traffic.
 */
@RestController
class TrafficController {

    private final TrafficStore store;

    TrafficController(TrafficStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/traffic")
    ResponseEntity<?> byTrackingId(Viewer viewer, @RequestParam(name = "trackingId", required = false) String trackingId) {
        if (TrackingId.parse(trackingId).isEmpty()) {
            return ProblemResponse.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "trackingId: must be a tracking ID as returned in " + NixHeaders.TRACKING_ID);
        }
        return store.find(trackingId)
                .filter(record -> viewer.sees(record.consumer(), record.provider()))
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ProblemResponse.of(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "no exchange with this tracking ID is recorded (yet: records are written within a second)"));
    }
}
