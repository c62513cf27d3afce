package ir.nix.core.perimeter;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's error page, replaced: whatever the container refuses before a servlet runs (a header over
 * the limit, {@code ..%2f}, {@code %00}, overlong UTF-8, bad URI encoding, an unknown host mapping)
 * is answered as an RFC 9457 problem with a tracking ID, never Tomcat's HTML page with its version
 * and never an echo of the request. Counted in {@code nix_perimeter_rejections_total{status}} and
 * recorded as an exchange ({@link PerimeterRecords}).
 */
final class ProblemErrorValve extends ErrorReportValve {

    static final String HEADERS_TOO_LARGE = "HEADERS_TOO_LARGE";
    static final String BAD_PATH = "BAD_PATH";

    private final MeterRegistry meters;
    private final ObjectProvider<PerimeterRecords> records;

    /** @param records resolved per refusal: the valve is made with the web server, before the traffic path exists */
    ProblemErrorValve(MeterRegistry meters, ObjectProvider<PerimeterRecords> records) {
        this.meters = meters;
        this.records = records;
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
        byte[] body = problem.json();
        record(request, problem, reason(problem, response, throwable), body.length);
        try {
            response.setContentType(PerimeterProblem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(PerimeterProblem.TRACKING_HEADER, problem.trackingId().toString());
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException unwritable) {
            // The connection is gone or already answered: nothing more can be said on it.
        }
    }

    /** The declared body length, 0 when there is none or it is what Tomcat refused (two, or not a number). */
    private static long declaredLength(Request request) {
        try {
            return Math.max(0, request.getCoyoteRequest().getContentLengthLong());
        } catch (RuntimeException malformed) {
            return 0;
        }
    }

    /**
     * What Tomcat said it refused, as a code for the record: Tomcat answers an oversize header and a bad
     * URI alike with 400, and says which in its exception or error message (never stored: only the code is).
     */
    static String reason(PerimeterProblem problem, Response response, Throwable throwable) {
        String thrown = throwable == null || throwable.getMessage() == null ? "" : throwable.getMessage().toLowerCase(Locale.ROOT);
        String message = response.getMessage() == null ? "" : response.getMessage().toLowerCase(Locale.ROOT);
        if (problem.status() == 431 || thrown.contains("header") && thrown.contains("too large")) {
            return HEADERS_TOO_LARGE;
        }
        if (message.contains("uri") || thrown.contains("uri") || thrown.contains("path")) {
            return BAD_PATH;
        }
        return problem.code();
    }

    /** Before the reply leaves (rule 5); a request refused this early may have no parsed start time. */
    private void record(Request request, PerimeterProblem problem, String reason, int replyBytes) {
        PerimeterRecords perimeter = records.getIfAvailable();
        if (perimeter == null) {
            return;
        }
        long startedAt = request.getCoyoteRequest().getStartTime();
        Instant receivedAt = startedAt > 0 ? Instant.ofEpochMilli(startedAt) : Instant.now();
        perimeter.record(problem, reason, receivedAt, declaredLength(request), replyBytes);
    }
}
