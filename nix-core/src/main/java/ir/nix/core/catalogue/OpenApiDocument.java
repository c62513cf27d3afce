package ir.nix.core.catalogue;

import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.inquiry.OutcomeCode;
import ir.nix.core.service.InputField;
import ir.nix.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST channel as an OpenAPI 3.1 document, generated from the service descriptors: a path per
 * service with its request schema and success envelope, the problem documents of the error model,
 * and the bus's headers. Written with Jackson's tree model; the contract is small and fixed.
 */
@Component
class OpenApiDocument {

    private static final String TRACKING_HEADER = NixHeaders.TRACKING_ID;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";

    private final JsonMapper json;

    OpenApiDocument(JsonMapper json) {
        this.json = json;
    }

    ObjectNode build(Collection<ServiceDescriptor> services) {
        ObjectNode document = json.createObjectNode();
        document.put("openapi", "3.1.0");
        info(document.putObject("info"));
        document.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = document.putObject("paths");
        services.forEach(service -> paths.putObject(ServiceIdCard.REST_PATH + service.code().value())
                .set("post", inquiry(service)));
        cataloguePaths(paths);
        components(document.putObject("components"));
        document.putArray("security").addObject().putArray("agencyCertificate");
        return document;
    }

    private static void info(ObjectNode info) {
        info.put("title", "NIX — National Information Exchange inquiry API");
        info.put("version", "v1");
        info.put("description", "Inquiries between agencies through the national exchange centre. Every exchange gets a "
                + "tracking ID (header " + TRACKING_HEADER + ") and a traffic record of metadata only; replies carry only "
                + "the data items the consumer's grant allows. The same services are offered over SOAP at /soap/inquiry "
                + "(WSDL at /soap/inquiry?wsdl).");
    }

    private ObjectNode inquiry(ServiceDescriptor service) {
        ObjectNode operation = json.createObjectNode();
        operation.put("operationId", service.code().value());
        operation.putArray("tags").add("inquiries");
        operation.put("summary", service.titleEn());
        operation.put("description", service.titleFa() + "\n\nProvider: " + service.provider() + ". Legal basis: "
                + service.legalBasis() + ". Identity requirements: " + service.identity() + ". Provider timeout: "
                + service.timeout() + ". Service ID card: GET /api/v1/services/" + service.code() + ".");
        ArrayNode parameters = operation.putArray("parameters");
        List.of("Consumer", "RequestId", "OnBehalfOf")
                .forEach(name -> parameters.addObject().put("$ref", "#/components/parameters/" + name));
        ObjectNode body = operation.putObject("requestBody").put("required", true).putObject("content").putObject(JSON);
        body.set("schema", requestSchema(service));
        body.set("example", json.valueToTree(service.example().request()));
        responses(operation.putObject("responses"), service);
        return operation;
    }

    private ObjectNode requestSchema(ServiceDescriptor service) {
        ObjectNode schema = json.createObjectNode().put("type", "object").put("additionalProperties", false);
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (InputField field : service.inputs()) {
            properties.putObject(field.name()).put("type", "string").put("description", field.description())
                    .put("x-nix-type", ServiceIdCard.typeName(field.type()));
            if (field.required()) {
                required.add(field.name());
            }
        }
        return schema;
    }

    private void responses(ObjectNode responses, ServiceDescriptor service) {
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "Answered. data holds only the granted items; an item not granted is absent.");
        trackingHeader(ok);
        ObjectNode envelope = ok.putObject("content").putObject(JSON).putObject("schema")
                .put("type", "object");
        envelope.putArray("required").add("trackingId").add("service").add("provider").add("data");
        ObjectNode properties = envelope.putObject("properties");
        properties.putObject("trackingId").put("type", "string").put("format", "uuid");
        properties.putObject("service").put("const", service.code().value());
        properties.putObject("provider").put("const", service.provider().value());
        properties.set("data", dataSchema(service.dataItems()));
        errorStatuses().keySet().forEach(status -> responses.putObject(Integer.toString(status))
                .put("$ref", "#/components/responses/Problem" + status));
    }

    /** {@code persons.firstName} is the item {@code firstName} of each element of the list {@code persons}. */
    private ObjectNode dataSchema(List<String> items) {
        ObjectNode data = json.createObjectNode().put("type", "object");
        ObjectNode properties = data.putObject("properties");
        Map<String, List<String>> nested = new LinkedHashMap<>();
        for (String item : items) {
            int dot = item.indexOf('.');
            if (dot < 0) {
                properties.putObject(item);
            } else {
                nested.computeIfAbsent(item.substring(0, dot), list -> new ArrayList<>()).add(item.substring(dot + 1));
            }
        }
        nested.forEach((list, inner) -> properties.putObject(list).put("type", "array").set("items", dataSchema(inner)));
        return data;
    }

    private void cataloguePaths(ObjectNode paths) {
        ObjectNode list = paths.putObject("/api/v1/services").putObject("get");
        list.put("operationId", "listServices").put("summary", "Every service's ID card (003 Art. 9)");
        list.putArray("tags").add("catalogue");
        list.putObject("responses").putObject("200").put("description", "The service catalogue")
                .putObject("content").putObject(JSON).putObject("schema").put("type", "array")
                .putObject("items").put("$ref", "#/components/schemas/ServiceIdCard");

        ObjectNode one = paths.putObject("/api/v1/services/{code}").putObject("get");
        one.put("operationId", "getService").put("summary", "One service's ID card");
        one.putArray("tags").add("catalogue");
        one.putArray("parameters").addObject().put("name", "code").put("in", "path").put("required", true)
                .putObject("schema").put("type", "string");
        ObjectNode responses = one.putObject("responses");
        responses.putObject("200").put("description", "The service's ID card").putObject("content").putObject(JSON)
                .putObject("schema").put("$ref", "#/components/schemas/ServiceIdCard");
        responses.putObject("404").put("description", "UNKNOWN_SERVICE").putObject("content").putObject(PROBLEM_JSON)
                .putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private void components(ObjectNode components) {
        parameters(components.putObject("parameters"));
        ObjectNode headers = components.putObject("headers");
        headers.putObject("TrackingId").put("description", "The exchange's unique tracking ID (003 Art. 13)")
                .putObject("schema").put("type", "string").put("format", "uuid");
        headers.putObject("RetryAfter").put("description", "Seconds to wait before trying again")
                .putObject("schema").put("type", "integer");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Problem", problemSchema());
        schemas.putObject("ServiceIdCard").put("type", "object")
                .put("description", "A service's ID card: code, version, titles, legal basis, provider, inputs, "
                        + "outputs, identity requirements, timeout, channels, example");
        ObjectNode responses = components.putObject("responses");
        errorStatuses().forEach((status, codes) -> problemResponse(responses.putObject("Problem" + status), status, codes));
        components.putObject("securitySchemes").putObject("agencyCertificate").put("type", "mutualTLS")
                .put("description", "The agency's X.509 client certificate, registered with the bus (prod)");
    }

    private static void parameters(ObjectNode parameters) {
        header(parameters.putObject("Consumer"), NixHeaders.CONSUMER,
                "Calling agency code. Demo and test deployments only; in production the client certificate "
                        + "identifies the agency.",
                "^[A-Z][A-Z0-9_]{1,15}$");
        header(parameters.putObject("RequestId"), NixHeaders.REQUEST_ID,
                "The caller's own reference, recorded with the exchange.", "^[A-Za-z0-9._:-]{1,64}$");
        header(parameters.putObject("OnBehalfOf"), NixHeaders.ON_BEHALF_OF,
                "A party the caller claims to act for. Re-delegating a service is refused (003 Art. 34).",
                "^[A-Za-z0-9._:-]{1,64}$");
    }

    private static void header(ObjectNode parameter, String name, String description, String pattern) {
        parameter.put("name", name).put("in", "header").put("required", false).put("description", description)
                .putObject("schema").put("type", "string").put("pattern", pattern);
    }

    private ObjectNode problemSchema() {
        ObjectNode schema = json.createObjectNode().put("type", "object")
                .put("description", "RFC 9457 problem document; never a stack trace, never an echo of the request");
        schema.putArray("required").add("type").add("title").add("status").add("detail").add("code").add("trackingId");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer");
        properties.putObject("detail").put("type", "string").put("description", "Names the field or rule broken");
        ArrayNode codes = properties.putObject("code").put("type", "string").putArray("enum");
        errorStatuses().values().stream().flatMap(List::stream).forEach(codes::add);
        properties.putObject("trackingId").put("type", "string").put("format", "uuid");
        properties.putObject("retryAfterSeconds").put("type", "integer");
        return schema;
    }

    private static void problemResponse(ObjectNode response, int status, List<String> codes) {
        response.put("description", String.join(", ", codes));
        ObjectNode headers = trackingHeader(response);
        if (status == OutcomeCode.QUOTA_EXCEEDED.httpStatus()) {
            headers.putObject("Retry-After").put("$ref", "#/components/headers/RetryAfter");
        }
        response.putObject("content").putObject(PROBLEM_JSON).putObject("schema").put("$ref", "#/components/schemas/Problem");
    }

    private static ObjectNode trackingHeader(ObjectNode response) {
        ObjectNode headers = response.putObject("headers");
        headers.putObject(TRACKING_HEADER).put("$ref", "#/components/headers/TrackingId");
        return headers;
    }

    /** Every error outcome, by the HTTP status REST answers it with. */
    private static Map<Integer, List<String>> errorStatuses() {
        return Arrays.stream(OutcomeCode.values()).filter(code -> !code.isSuccess())
                .collect(Collectors.groupingBy(OutcomeCode::httpStatus, TreeMap::new,
                        Collectors.mapping(OutcomeCode::name, Collectors.toList())));
    }
}
