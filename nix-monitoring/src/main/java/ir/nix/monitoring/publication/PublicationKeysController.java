package ir.nix.monitoring.publication;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.ProblemResponse;
import ir.nix.core.publication.keys.KeyOutcome;
import ir.nix.core.publication.keys.KeyVersion;
import ir.nix.core.publication.keys.PublicationKeys;
import ir.nix.policy.active.ActivePolicy;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators issue and rotate subscribers' publication keys (under {@code /api/v1/admin}: operators only).
 * The key is in the reply once, never cached, and never stored by NIX: only its version and date are
 * (docs/publications.md). The jar's {@code keys} command does the same offline.
 */
@RestController
@RequestMapping("/api/v1/admin/publication-keys")
public class PublicationKeysController {

    /** Stable error codes. */
    public static final String KEY_REFUSED = "PUBLICATION_KEY_REFUSED";
    public static final String UNKNOWN_AGENCY = "UNKNOWN_AGENCY";

    private final PublicationKeys keys;
    private final ActivePolicy policy;

    public PublicationKeysController(PublicationKeys keys, ActivePolicy policy) {
        this.keys = keys;
        this.policy = policy;
    }

    /** Every issued version, no key material. */
    @GetMapping
    public List<KeyVersion> versions() {
        return keys.versions();
    }

    @PostMapping("/{agency}/issue")
    public ResponseEntity<?> issue(@PathVariable String agency) {
        return change(agency, keys::issue);
    }

    @PostMapping("/{agency}/rotate")
    public ResponseEntity<?> rotate(@PathVariable String agency) {
        return change(agency, keys::rotate);
    }

    private ResponseEntity<?> change(String agency, BiFunction<AgencyCode, Instant, KeyOutcome> action) {
        if (!AgencyCode.isWellFormed(agency) || !policy.bundle().agencies().containsKey(agency)) {
            return problem(HttpStatus.NOT_FOUND, UNKNOWN_AGENCY, "no agency with this code in the policy bundle");
        }
        KeyOutcome outcome = action.apply(new AgencyCode(agency), Instant.now());
        if (outcome instanceof KeyOutcome.Refused refused) {
            return problem(HttpStatus.CONFLICT, KEY_REFUSED, refused.reason());
        }
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(outcome);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponse.problem(status, code, detail));
    }
}
