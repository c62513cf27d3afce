package ir.nix.monitoring.traffic;

import ir.nix.core.traffic.TrafficStore;
import ir.nix.core.tracking.TrackingId;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/traffic?trackingId=…}: one exchange's metadata, as the bus recorded it. */
@RestController
class TrafficController {

    private final TrafficStore store;

    TrafficController(TrafficStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/traffic")
    ResponseEntity<?> byTrackingId(@RequestParam(name = "trackingId", required = false) String trackingId) {
        if (TrackingId.parse(trackingId).isEmpty()) {
            return problem(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "trackingId: must be a tracking ID as returned in X-NIX-Tracking-Id");
        }
        return store.find(trackingId)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "no exchange with this tracking ID is recorded (yet: records are written within a second)"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:nix:problem:" + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
