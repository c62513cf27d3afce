package ir.nix.core.perimeter;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * Spring MVC's own refusals (no handler for the path, wrong method, wrong media type, a missing or
 * mistyped parameter) as NIX problems with a tracking ID. Spring's default problem would carry the
 * request path in {@code instance} and, for a mistyped parameter, the value sent; these name the
 * parameter at most, never what was sent.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PerimeterExceptions {

    private final MeterRegistry meters;
    private final PerimeterRecords records;

    PerimeterExceptions(ObjectProvider<MeterRegistry> meters, PerimeterRecords records) {
        this.meters = meters.getIfAvailable();
        this.records = records;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<byte[]> missing(MissingServletRequestParameterException missing) {
        return answer(named(PerimeterProblem.of(400), "parameter '" + missing.getParameterName() + "' is required"),
                HttpHeaders.EMPTY);
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<byte[]> mistyped(TypeMismatchException mistyped) {
        String name = mistyped.getPropertyName() == null ? "a parameter" : "parameter '" + mistyped.getPropertyName() + "'";
        return answer(named(PerimeterProblem.of(400), name + " has the wrong type or format"), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<byte[]> unreadable(HttpMessageNotReadableException unreadable) {
        return answer(named(PerimeterProblem.of(400), "the request body could not be read"), HttpHeaders.EMPTY);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<byte[]> ours(ResponseStatusException refused) {
        PerimeterProblem problem = PerimeterProblem.of(refused.getStatusCode().value());
        return answer(refused.getReason() == null ? problem : named(problem, refused.getReason()), refused.getHeaders());
    }

    /** Spring's servlet exceptions that are refusals ({@link ErrorResponse}: 404, 405, 406, 415, …); others propagate. */
    @ExceptionHandler({ServletException.class, ErrorResponseException.class})
    ResponseEntity<byte[]> framework(Exception exception) throws Exception {
        if (!(exception instanceof ErrorResponse refused)) {
            throw exception;
        }
        return answer(PerimeterProblem.of(refused.getStatusCode().value()), refused.getHeaders());
    }

    private ResponseEntity<byte[]> answer(PerimeterProblem problem, HttpHeaders headers) {
        PerimeterMetrics.rejected(meters, problem.status());
        byte[] body = problem.json();
        HttpServletRequest request = currentRequest();
        records.record(problem, Instant.now(), request == null ? 0 : Math.max(0, request.getContentLengthLong()), body.length);
        return ResponseEntity.status(problem.status()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(PerimeterProblem.TRACKING_HEADER, problem.trackingId().toString())
                .body(body);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static PerimeterProblem named(PerimeterProblem problem, String detail) {
        return new PerimeterProblem(problem.status(), problem.code(), problem.title(), detail, problem.trackingId());
    }
}
