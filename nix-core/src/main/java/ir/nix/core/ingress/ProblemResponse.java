package ir.nix.core.ingress;

import java.net.URI;
import java.util.Locale;
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:nix:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
