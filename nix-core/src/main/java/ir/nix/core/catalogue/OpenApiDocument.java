package ir.nix.core.catalogue;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.service.FieldType;
import ir.nix.core.service.InputField;
import ir.nix.core.service.OutputItem;
import ir.nix.core.service.ServiceDescriptor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The REST channel as an OpenAPI 3.1 document, generated from the service descriptors so that it
 * cannot drift from what the bus does: per service a named request, reply and data schema
 * ({@code PostalAddressRequest}, {@code PostalAddressReply}, {@code PostalAddressData}) typed from
 * the descriptor file, the problem document of the error model, and the bus's headers. Built on
 * swagger-core's models and written by its OpenAPI 3.1 mapper.
 *
 * <p>The document holds nothing a deployment configures (timeouts are on the ID cards), so the copy
 * committed for client generation ({@code integration-tests/src/contract}) is the same everywhere.
 *
 * <p>Request schemas do not say {@code additionalProperties: false} although the bus refuses
 * unknown fields: common generators turn such schemas into map types that send no fields.
 *
 * <p>Integers are typed as the WSDL types them: an input is {@code int32} ({@code xs:int}; the bus
 * reads it into a Java {@code int}), a reply item and {@code retryAfterSeconds} are {@code int64}
 * ({@code xs:long}: a rial amount can pass 2<sup>31</sup>), so that generated clients get the same
 * Java types from either contract.
 */
@Component
class OpenApiDocument {

    static final String TRACKING_HEADER = NixHeaders.TRACKING_ID;
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String JSON = "application/json";
    private static final String SCHEMAS = "#/components/schemas/";
    /** The statuses REST answers with a Retry-After header (architecture.md section 3: quota, unavailable). */
    private static final Set<Integer> RETRY_AFTER_STATUSES = Set.of(429, 503);

    /** The document as JSON text, for {@code GET /api/v1/openapi.json}. */
    String json(Collection<ServiceDescriptor> services) {
        return Json31.pretty(build(services));
    }

    OpenAPI build(Collection<ServiceDescriptor> services) {
        OpenAPI document = new OpenAPI(SpecVersion.V31).openapi("3.1.0").info(info())
                .servers(List.of(new Server().url("/")))
                .addSecurityItem(new SecurityRequirement().addList("agencyCertificate"));
        Components components = components();
        Paths paths = new Paths();
        for (ServiceDescriptor service : services) {
            paths.addPathItem(ServiceIdCard.REST_PATH + service.code().value(), new PathItem().post(inquiry(service)));
            serviceSchemas(service).forEach(components::addSchemas);
        }
        cataloguePaths(paths);
        return document.paths(paths).components(components);
    }

    private static Info info() {
        return new Info().title("NIX — National Information Exchange inquiry API").version("v1")
                .description("Inquiries between agencies through the national exchange centre. Every exchange gets a "
                        + "tracking ID (header " + TRACKING_HEADER + ") and a traffic record of metadata only; replies "
                        + "carry only the data items the consumer's grant allows. The same services are offered over "
                        + "SOAP at /soap/inquiry (WSDL at /soap/inquiry?wsdl).");
    }

    private static Operation inquiry(ServiceDescriptor service) {
        String name = service.code().operationName();
        Operation operation = new Operation()
                .operationId(Character.toLowerCase(name.charAt(0)) + name.substring(1))
                .addTagsItem("inquiries")
                .summary(service.titleEn())
                .description(service.titleFa() + "\n\nProvider: " + service.provider() + ". Legal basis: "
                        + service.legalBasis() + ". Identity requirements: " + service.identity()
                        + ". Provider timeout (set per deployment) and the rest of the service ID card: GET /api/v1/services/"
                        + service.code() + ".");
        List.of("Consumer", "RequestId", "OnBehalfOf")
                .forEach(parameter -> operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + parameter)));
        MediaType body = new MediaType().schema(ref(name + "Request")).example(service.example().request());
        operation.requestBody(new RequestBody().required(true).content(new Content().addMediaType(JSON, body)));
        ApiResponses responses = new ApiResponses();
        responses.addApiResponse("200", new ApiResponse()
                .description("Answered. data holds only the granted items; an item not granted is absent.")
                .headers(trackingHeader())
                .content(new Content().addMediaType(JSON, new MediaType().schema(ref(name + "Reply")))));
        errorStatuses().keySet().forEach(status -> responses.addApiResponse(Integer.toString(status),
                new ApiResponse().$ref("#/components/responses/Problem" + status)));
        return operation.responses(responses);
    }

    /** {@code <Name>Request}, {@code <Name>Reply}, {@code <Name>Data} and one schema per list item. */
    private static Map<String, Schema> serviceSchemas(ServiceDescriptor service) {
        String name = service.code().operationName();
        Map<String, Schema> schemas = new TreeMap<>();
        Schema<?> request = object().description("The inputs of " + service.code() + "; the bus refuses any other field.");
        for (InputField field : service.inputs()) {
            request.addProperty(field.name(), input(field));
            if (field.required()) {
                request.addRequiredItem(field.name());
            }
        }
        schemas.put(name + "Request", request);
        schemas.put(name + "Data", data(name, service.outputs(), schemas)
                .description("The granted data items; an item the grant does not allow is absent."));
        schemas.put(name + "Reply", object()
                .required(List.of("trackingId", "service", "provider", "data"))
                .addProperty("trackingId", string().format("uuid"))
                .addProperty("service", enumerated(List.of(service.code().value())))
                .addProperty("provider", enumerated(List.of(service.provider().value())))
                .addProperty("data", ref(name + "Data")));
        return schemas;
    }

    private static Schema<?> input(InputField field) {
        if (field.type() == FieldType.ENUM) {
            return enumerated(field.values()).description(field.description());
        }
        Schema<?> schema = field.type().schemaType() == FieldType.SchemaType.INTEGER
                ? int32() : typed(field.type().schemaType().name());
        field.type().minimum().ifPresent(minimum -> schema.minimum(BigDecimal.valueOf(minimum)));
        field.type().maximum().ifPresent(maximum -> schema.maximum(BigDecimal.valueOf(maximum)));
        field.contractPattern().ifPresent(schema::pattern);
        return schema.description(field.description());
    }

    /** A data object's properties; a list's items get their own schema {@code <Name><List>Item}. */
    private static Schema<?> data(String name, List<OutputItem> outputs, Map<String, Schema> schemas) {
        Schema<?> data = object();
        for (OutputItem output : outputs) {
            data.addProperty(output.name(), output(name, output, schemas));
        }
        return data;
    }

    private static Schema<?> output(String name, OutputItem output, Map<String, Schema> schemas) {
        Schema<?> schema = switch (output.type()) {
            case LIST -> {
                String item = name + capitalised(output.name()) + "Item";
                schemas.put(item, data(name, output.items(), schemas));
                yield new JsonSchema().typesItem("array").items(ref(item));
            }
            case ENUM -> enumerated(output.values());
            case JALALI_DATE -> string().pattern(FieldType.JALALI_DATE.pattern());
            case INTEGER -> int64();
            default -> typed(output.type().name());
        };
        return schema.description(output.description());
    }

    private static void cataloguePaths(Paths paths) {
        Operation list = new Operation().operationId("listServices").summary("Every service's ID card (003 Art. 9)")
                .addTagsItem("catalogue")
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The service catalogue")
                        .content(json(new JsonSchema().typesItem("array").items(ref("ServiceIdCard"))))));
        paths.addPathItem("/api/v1/services", new PathItem().get(list));
        Operation one = new Operation().operationId("getService").summary("One service's ID card")
                .addTagsItem("catalogue")
                .addParametersItem(new Parameter().name("code").in("path").required(true).schema(string()))
                .responses(new ApiResponses()
                        .addApiResponse("200", new ApiResponse().description("The service's ID card")
                                .content(json(ref("ServiceIdCard"))))
                        .addApiResponse("404", new ApiResponse().description("UNKNOWN_SERVICE")
                                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))))));
        paths.addPathItem("/api/v1/services/{code}", new PathItem().get(one));
    }

    private static Components components() {
        Components components = new Components()
                .addParameters("Consumer", header(NixHeaders.CONSUMER, "Calling agency code. Demo and test deployments only; "
                        + "in production the client certificate identifies the agency.", "^[A-Z][A-Z0-9_]{1,15}$"))
                .addParameters("RequestId", header(NixHeaders.REQUEST_ID,
                        "The caller's own reference, recorded with the exchange.", "^[A-Za-z0-9._:-]{1,64}$"))
                .addParameters("OnBehalfOf", header(NixHeaders.ON_BEHALF_OF,
                        "A party the caller claims to act for. Re-delegating a service is refused (003 Art. 34).",
                        "^[A-Za-z0-9._:-]{1,64}$"))
                .addHeaders("TrackingId", new Header().description("The exchange's unique tracking ID (003 Art. 13)")
                        .schema(string().format("uuid")))
                .addHeaders("RetryAfter", new Header().description("Seconds to wait before trying again")
                        .schema(int64()))
                .addSchemas("Problem", problemSchema())
                .addSchemas("ServiceIdCard", object().description("A service's ID card: code, version, titles, legal "
                        + "basis, provider, inputs, outputs, identity requirements, timeout, channels, example"))
                .addSecuritySchemes("agencyCertificate", new SecurityScheme().type(SecurityScheme.Type.MUTUALTLS)
                        .description("The agency's X.509 client certificate, registered with the bus (prod)"));
        errorStatuses().forEach((status, codes) -> components.addResponses("Problem" + status, problem(status, codes)));
        return components;
    }

    private static Parameter header(String name, String description, String pattern) {
        return new Parameter().name(name).in("header").required(false).description(description)
                .schema(string().pattern(pattern));
    }

    private static Schema<?> problemSchema() {
        List<String> codes = errorStatuses().values().stream().flatMap(List::stream).toList();
        return object().description("RFC 9457 problem document; never a stack trace, never an echo of the request")
                .required(List.of("type", "title", "status", "detail", "code", "trackingId"))
                .addProperty("type", string().format("uri"))
                .addProperty("title", string())
                .addProperty("status", int32())
                .addProperty("detail", string().description("Names the field or rule broken"))
                .addProperty("code", enumerated(codes))
                .addProperty("trackingId", string().format("uuid"))
                .addProperty("retryAfterSeconds", int64());
    }

    private static ApiResponse problem(int status, List<String> codes) {
        Map<String, Header> headers = trackingHeader();
        if (RETRY_AFTER_STATUSES.contains(status)) {
            headers.put("Retry-After", new Header().$ref("#/components/headers/RetryAfter"));
        }
        return new ApiResponse().description(String.join(", ", codes)).headers(headers)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ref("Problem"))));
    }

    private static Map<String, Header> trackingHeader() {
        Map<String, Header> headers = new TreeMap<>();
        headers.put(TRACKING_HEADER, new Header().$ref("#/components/headers/TrackingId"));
        return headers;
    }

    /** Every error outcome, by the HTTP status REST answers it with. */
    private static Map<Integer, List<String>> errorStatuses() {
        return Arrays.stream(OutcomeCode.values()).filter(OutcomeCode::isInquiryProblem)
                .collect(Collectors.groupingBy(OutcomeCode::httpStatus, TreeMap::new,
                        Collectors.mapping(OutcomeCode::name, Collectors.toList())));
    }

    private static Content json(Schema<?> schema) {
        return new Content().addMediaType(JSON, new MediaType().schema(schema));
    }

    private static Schema<?> ref(String schema) {
        return new JsonSchema().$ref(SCHEMAS + schema);
    }

    private static Schema<?> object() {
        return typed("object");
    }

    private static Schema<?> string() {
        return typed("string");
    }

    private static Schema<?> int32() {
        return typed("integer").format("int32");
    }

    private static Schema<?> int64() {
        return typed("integer").format("int64");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> enumerated(List<String> values) {
        Schema schema = string();
        schema.setEnum(new ArrayList<>(values));
        return schema;
    }

    private static Schema<?> typed(String type) {
        return new JsonSchema().typesItem(type.toLowerCase(Locale.ROOT));
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
