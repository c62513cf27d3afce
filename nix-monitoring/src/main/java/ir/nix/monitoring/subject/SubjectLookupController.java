package ir.nix.monitoring.subject;

import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.identifier.NationalCode;
import ir.nix.core.identifier.Parsed;
import ir.nix.core.ingress.ProblemResponse;
import ir.nix.core.subject.SubjectTokens;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficStore;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/traffic/subject-lookup}: "which agencies asked about this person or enterprise,
 * when, under which grant". The identifier travels in the body (never a URL, which proxies log), is
 * turned into the subject's tokens under the keys the bus still holds, and is not kept.
 */
@RestController
record SubjectLookupController(SubjectTokens tokens, TrafficStore store) {

    /** One of the two identifiers. */
    record Lookup(String nationalCode, String legalEntityId) {
    }

    @PostMapping("/api/v1/traffic/subject-lookup")
    ResponseEntity<?> lookup(@RequestBody(required = false) Lookup lookup) {
        if (!tokens.enabled()) {
            return ProblemResponse.of(HttpStatus.CONFLICT, "SUBJECT_TOKENS_DISABLED",
                    "this bus does not record subject tokens (nix.subject-token.enabled is false)");
        }
        if (lookup == null || (lookup.nationalCode() == null) == (lookup.legalEntityId() == null)) {
            return ProblemResponse.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT", "send exactly one of nationalCode or legalEntityId");
        }
        Parsed<?> subject = lookup.nationalCode() != null ? NationalCode.parse(lookup.nationalCode())
                : LegalEntityId.parse(lookup.legalEntityId());
        if (subject instanceof Parsed.Invalid<?> invalid) {
            return ProblemResponse.of(HttpStatus.BAD_REQUEST, "INVALID_INPUT",
                    (lookup.nationalCode() != null ? "nationalCode: " : "legalEntityId: ") + invalid.reason());
        }
        List<TrafficRecord> records = store.findBySubjectTokens(tokens.tokensOf(((Parsed.Valid<?>) subject).value()));
        return ResponseEntity.ok(Map.of("count", records.size(), "exchanges", records));
    }
}
