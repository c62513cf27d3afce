package ir.nix.core.perimeter;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet error page ({@code /error}): what a filter or the container sends with
 * {@code sendError}, and what an unhandled exception becomes, answered as a problem with a tracking ID
 * instead of Spring Boot's JSON with {@code path} and {@code timestamp}.
 */
@RestController
class PerimeterErrorController implements ErrorController {

    private final PerimeterRecords records;

    PerimeterErrorController(PerimeterRecords records) {
        this.records = records;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<byte[]> error(HttpServletRequest request, HttpServletResponse response) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is just a path the bus does not serve.
        PerimeterProblem problem = PerimeterProblem.of(status instanceof Integer code ? code : 404);
        String tracking = response.getHeader(PerimeterProblem.TRACKING_HEADER);
        if (tracking == null) {
            // Nobody before this page gave the refusal a tracking ID, so nobody recorded it either.
            records.record(problem, Instant.now(), Math.max(0, request.getContentLengthLong()), problem.json().length);
        }
        return ResponseEntity.status(problem.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(PerimeterProblem.TRACKING_HEADER, tracking != null ? tracking : problem.trackingId().toString())
                .body(tracking != null ? withTracking(problem, tracking) : problem.json());
    }

    private static byte[] withTracking(PerimeterProblem problem, String tracking) {
        return ir.nix.core.tracking.TrackingId.parse(tracking)
                .map(id -> new PerimeterProblem(problem.status(), problem.code(), problem.title(), problem.detail(), id).json())
                .orElse(problem.json());
    }
}
