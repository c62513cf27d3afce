package ir.nix.monitoring.dashboard;

import ir.nix.core.identification.IdentificationProperties;
import ir.nix.monitoring.access.Role;
import ir.nix.monitoring.access.Viewer;
import ir.nix.policy.calendar.Tehran;
import java.util.Map;
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

    /**
     * What the page needs before it asks for figures; holds no traffic, so it is outside {@code /api/v1}.
     *
     * @param demoRole the role to open as when the address names none (demo only; null otherwise)
     * @param timeZone the zone the page shows times in
     * @param outcomes every outcome code with its class and titles, so that the page repeats none
     */
    record Settings(Role demoRole, String timeZone, Map<String, OutcomeTitles.Title> outcomes) {
    }

    private final DashboardSummaries summaries;
    private final Settings settings;

    DashboardController(DashboardSummaries summaries, DashboardProperties properties, IdentificationProperties identification) {
        this.summaries = summaries;
        // Header identification is the demo's; with certificates (prod) the page never claims a role.
        Role demoRole = "header".equals(identification.mode()) ? properties.demoRole() : null;
        this.settings = new Settings(demoRole, Tehran.ZONE.getId(), OutcomeTitles.all());
    }

    @GetMapping("/api/v1/dashboard/summary")
    ResponseEntity<DashboardSummary> summary(Viewer viewer, @RequestParam(defaultValue = "window") String range) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(summaries.summary(viewer, "start".equals(range)));
    }

    @GetMapping("/dashboard/settings.json")
    ResponseEntity<Settings> settings() {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(settings);
    }
}
