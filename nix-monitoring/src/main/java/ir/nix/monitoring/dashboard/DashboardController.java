package ir.nix.monitoring.dashboard;

import ir.nix.monitoring.access.Viewer;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dashboard/summary?range=window|start}: the figures behind the operator dashboard
 * at {@code /}, which polls this every two seconds. Agencies get their own exchanges only.
 */
@RestController
class DashboardController {

    private final DashboardSummaries summaries;

    DashboardController(DashboardSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/api/v1/dashboard/summary")
    ResponseEntity<DashboardSummary> summary(Viewer viewer, @RequestParam(defaultValue = "window") String range) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(summaries.summary(viewer, "start".equals(range)));
    }
}
