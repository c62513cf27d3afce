package ir.nix.core.catalogue;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.provider.ServiceCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service catalogue: {@code GET /api/v1/services} (every service's ID card),
 * {@code GET /api/v1/services/{code}} (one), and {@code GET /api/v1/openapi.json} (the REST
 * channel as OpenAPI 3.1). Everything is derived from the registered service descriptors.
 */
@RestController
class ServiceCatalogueController {

    private final ServiceCatalog catalog;
    private final OpenApiDocument openApi;

    ServiceCatalogueController(ServiceCatalog catalog, OpenApiDocument openApi) {
        this.catalog = catalog;
        this.openApi = openApi;
    }

    @GetMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
    List<ServiceIdCard> services() {
        return catalog.descriptors().stream().map(ServiceIdCard::of).toList();
    }

    @GetMapping(path = "/api/v1/services/{code}",
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<?> service(@PathVariable("code") String code) {
        return catalog.descriptor(code)
                .<ResponseEntity<?>>map(service -> ResponseEntity.ok(ServiceIdCard.of(service)))
                .orElseGet(() -> unknown(code));
    }

    @GetMapping(path = "/api/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    String openApi() {
        return openApi.json(catalog.descriptors());
    }

    /**
     * The same refusal an inquiry for an unknown service gets. A code that is not plainly a code is
     * not echoed, and neither is the request path (no {@code instance} member).
     */
    private static ResponseEntity<Map<String, Object>> unknown(String code) {
        OutcomeCode outcome = OutcomeCode.UNKNOWN_SERVICE;
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", outcome.problemType());
        problem.put("title", outcome.title());
        problem.put("status", outcome.httpStatus());
        problem.put("detail", "no such service; see GET /api/v1/services");
        problem.put("code", outcome.name());
        return ResponseEntity.status(outcome.httpStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
