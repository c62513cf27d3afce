package ir.nix.monitoring.policy;

import ir.nix.core.ingress.ProblemResponse;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.active.ReloadOutcome;
import ir.nix.policy.bundle.BundleProblem;
import ir.nix.policy.calendar.Tehran;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * Operators' access to the policy: the grants in force and an explicit reload after changing a
 * bundle (for bundles not watched, or to see the verdict at once).
 */
@RestController
@RequestMapping("/api/v1")
public record PolicyController(ActivePolicy policy, ApplicationEventPublisher events) {

    /** Stable error code of a rejected reload. */
    public static final String BUNDLE_REJECTED = "POLICY_BUNDLE_REJECTED";

    @GetMapping("/grants")
    public ActiveGrantsView grants() {
        return ActiveGrantsView.of(policy.bundle(), LocalDate.now(Tehran.ZONE));
    }

    /**
     * 200 with the bundle now in force ({@code APPLIED} or {@code UNCHANGED}); 422 problem+json with
     * code {@value #BUNDLE_REJECTED}, each problem named by file and line, and the previous bundle still
     * in force.
     */
    @PostMapping("/admin/policy/reload")
    public ResponseEntity<?> reload() {
        ReloadOutcome outcome = policy.reload();
        events.publishEvent(outcome);
        if (outcome instanceof ReloadOutcome.Rejected rejected) {
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(rejection(rejected));
        }
        return ResponseEntity.ok(ReloadView.of(outcome));
    }

    private static ProblemDetail rejection(ReloadOutcome.Rejected rejected) {
        ProblemDetail problem = ProblemResponse.problem(HttpStatus.UNPROCESSABLE_CONTENT, BUNDLE_REJECTED,
                rejected.reason().problems().stream().map(BundleProblem::toString).collect(Collectors.joining("; ")));
        problem.setTitle("Policy bundle rejected");
        problem.setProperty("problems", rejected.reason().problems());
        problem.setProperty("activeBundle", ActiveGrantsView.BundleView.of(rejected.active()));
        return problem;
    }

    /** @param outcome {@code APPLIED} or {@code UNCHANGED} */
    record ReloadView(String outcome, ActiveGrantsView.BundleView bundle) {
        static ReloadView of(ReloadOutcome outcome) {
            String name = outcome instanceof ReloadOutcome.Applied ? "APPLIED" : "UNCHANGED";
            return new ReloadView(name, ActiveGrantsView.BundleView.of(outcome.active()));
        }
    }
}
