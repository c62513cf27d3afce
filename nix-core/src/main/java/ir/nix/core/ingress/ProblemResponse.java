package ir.nix.core.ingress;

import ir.nix.core.exchange.OutcomeCode;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 problem responses for the bus's HTTP APIs outside the inquiry pipeline (lookups,
 * catalogue, admin), with the same {@code type} and {@code code} conventions as inquiry errors.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(problem(status, code, detail));
    }

    /** The problem document of {@code code}: its {@code type} is {@link OutcomeCode#problemType(String)}. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(OutcomeCode.problemType(code)));
        problem.setProperty("code", code);
        return problem;
    }
}
