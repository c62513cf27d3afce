package ir.nix.core.perimeter;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page, replaced: whatever the container refuses before a servlet runs (a header over
 * the limit, {@code ..%2f}, {@code %00}, overlong UTF-8, bad URI encoding, an unknown host mapping)
 * is answered as an RFC 9457 problem with a tracking ID, never Tomcat's HTML page with its version
 * and never an echo of the request. Counted in {@code nix_perimeter_rejections_total{status}}.
 */
final class ProblemErrorValve extends ErrorReportValve {

    private final MeterRegistry meters;

    ProblemErrorValve(MeterRegistry meters) {
        this.meters = meters;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 505) {
            // An HTTP/2.0 (or other) request line on this HTTP/1.1 port is the client's error, not the bus's.
            response.setStatus(400);
        }
        PerimeterProblem problem = PerimeterProblem.of(response.getStatus());
        SecurityHeaders.apply(response, request.isSecure());
        PerimeterMetrics.rejected(meters, problem.status());
        try {
            response.setContentType(PerimeterProblem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(PerimeterProblem.TRACKING_HEADER, problem.trackingId().toString());
            byte[] body = problem.json();
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // The connection is gone or already answered: nothing more can be said on it.
        }
    }
}
