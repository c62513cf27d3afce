package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The service catalogue and the OpenAPI document, over HTTP, as a newcomer agency reads them. */
class CatalogueTest extends BusUnderTest {

    private static List<String> codes(JsonNode cards) {
        List<String> codes = new ArrayList<>();
        cards.forEach(card -> codes.add(card.path("code").asString()));
        return codes;
    }

    @Test
    void listsEveryServiceWithItsIdCard() {
        Reply list = get("/api/v1/services");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/json");
        assertThat(codes(list.body())).contains("shahkar");
        JsonNode shahkar = list.body().valueStream().filter(card -> card.path("code").asString().equals("shahkar"))
                .findFirst().orElseThrow();
        assertThat(shahkar.path("version").asString()).isNotBlank();
        assertThat(shahkar.path("titles").path("fa").asString()).contains("شاهکار");
        assertThat(shahkar.path("titles").path("en").asString()).contains("SHAHKAR");
        assertThat(shahkar.path("legalBasis").asString()).contains("26th session");
        assertThat(shahkar.path("provider").asString()).isEqualTo("CRA");
        assertThat(shahkar.path("inputs").valueStream().map(input -> input.path("name").asString()))
                .containsExactly("nationalCode", "mobile");
        JsonNode nationalCode = shahkar.path("inputs").get(0);
        assertThat(nationalCode.path("type").asString()).isEqualTo("national-code");
        assertThat(nationalCode.path("required").asBoolean(false)).isTrue();
        assertThat(nationalCode.path("description").asString()).isNotBlank();
        assertThat(shahkar.path("outputs").valueStream().map(JsonNode::asString)).containsExactly("matched");
        assertThat(shahkar.path("identityRequirements").asString()).isNotBlank();
        assertThat(shahkar.path("timeoutMillis").asLong()).isEqualTo(PROVIDER_TIMEOUT.toMillis());
        assertThat(shahkar.path("channels").path("rest").path("path").asString()).isEqualTo("/api/v1/inquiries/shahkar");
        assertThat(shahkar.path("channels").path("soap").path("endpoint").asString()).isEqualTo("/soap/inquiry");
        assertThat(shahkar.path("channels").path("soap").path("operation").asString()).isEqualTo("Shahkar");
        assertThat(shahkar.path("channels").path("soap").path("wsdl").asString()).isEqualTo("/soap/inquiry?wsdl");
        assertThat(shahkar.path("example").path("consumer").asString()).isEqualTo("MOE");
    }

    @Test
    void servesOneIdCardWhoseExampleSucceedsVerbatim() {
        Reply card = get("/api/v1/services/shahkar");
        JsonNode example = card.body().path("example");

        Reply reply = inquire("shahkar", example.path("consumer").asString(), JSON.writeValueAsString(example.path("request")));

        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body().path("code").asString()).isEqualTo("shahkar");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().path("data").path("matched").asBoolean(false)).isTrue();
    }

    @Test
    void refusesAnUnknownServiceWithAProblem() {
        Reply reply = get("/api/v1/services/horoscope");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).isEqualTo("UNKNOWN_SERVICE");
        assertThat(reply.body().path("status").asInt()).isEqualTo(404);
        assertThat(reply.body().path("type").asString()).isEqualTo("urn:nix:problem:unknown-service");
    }

    @Test
    void doesNotEchoAServiceCodeThatIsNoCode() {
        Reply reply = get("/api/v1/services/%3Cscript%3E");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.raw()).doesNotContain("<script>").doesNotContain("script");
    }

    @Test
    void describesEveryServiceInTheOpenApiDocument() {
        List<String> services = codes(get("/api/v1/services").body());

        Reply openApi = get("/api/v1/openapi.json");

        assertThat(openApi.status()).isEqualTo(200);
        JsonNode document = openApi.body();
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        for (String service : services) {
            JsonNode operation = document.path("paths").path("/api/v1/inquiries/" + service).path("post");
            assertThat(operation.isObject()).as("POST /api/v1/inquiries/%s", service).isTrue();
            assertThat(operation.path("operationId").asString()).matches("[a-z][A-Za-z]*");
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            assertThat(schema(document, schema).path("properties").properties()).isNotEmpty();
            JsonNode ok = operation.path("responses").path("200");
            assertThat(ok.path("headers").has("X-NIX-Tracking-Id")).isTrue();
            JsonNode reply = schema(document, ok.path("content").path("application/json").path("schema"));
            assertThat(schema(document, reply.path("properties").path("data")).path("properties").properties()).isNotEmpty();
            assertThat(operation.path("responses").path("403").path("$ref").asString())
                    .isEqualTo("#/components/responses/Problem403");
        }
        JsonNode parameters = document.path("components").path("parameters");
        assertThat(parameters.path("Consumer").path("name").asString()).isEqualTo("X-NIX-Consumer");
        assertThat(parameters.path("RequestId").path("name").asString()).isEqualTo("X-Request-Id");
        JsonNode tooMany = document.path("components").path("responses").path("Problem429");
        assertThat(tooMany.path("content").has("application/problem+json")).isTrue();
        assertThat(tooMany.path("headers").has("Retry-After")).isTrue();
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").path("code").path("enum")
                .valueStream().map(JsonNode::asString)).contains("INVALID_INPUT", "NO_GRANT", "PROVIDER_TIMEOUT");
    }

    /** The schema {@code node} refers to, or {@code node} itself. */
    private static JsonNode schema(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.isEmpty() ? node : document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    @Test
    void describesTheShahkarRequestAndReplyItems() {
        JsonNode document = get("/api/v1/openapi.json").body();
        JsonNode shahkar = document.path("paths").path("/api/v1/inquiries/shahkar").path("post");
        JsonNode schemas = document.path("components").path("schemas");

        JsonNode request = shahkar.path("requestBody").path("content").path("application/json");
        assertThat(request.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/ShahkarRequest");
        assertThat(schemas.path("ShahkarRequest").path("required").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("nationalCode", "mobile");
        assertThat(schemas.path("ShahkarRequest").path("properties").path("nationalCode").path("pattern").asString())
                .isEqualTo("^[0-9]{10}$");
        assertThat(request.path("example").path("nationalCode").asString()).isNotBlank();
        assertThat(schemas.path("ShahkarData").path("properties").path("matched").path("type").asString()).isEqualTo("boolean");
        assertThat(shahkar.path("summary").asString()).isNotBlank();
    }

    @Test
    void typesNumbersListsAndEnumerationsOfTheOtherServices() {
        JsonNode schemas = get("/api/v1/openapi.json").body().path("components").path("schemas");

        JsonNode period = schemas.path("InsuranceListRequest").path("properties");
        assertThat(period.path("year").path("type").asString()).isEqualTo("integer");
        assertThat(period.path("month").path("maximum").asInt()).isEqualTo(12);
        assertThat(schemas.path("InsuranceListData").path("properties").path("persons").path("items").path("$ref")
                .asString()).isEqualTo("#/components/schemas/InsuranceListPersonsItem");
        assertThat(schemas.path("InsuranceListPersonsItem").path("properties").path("daysWorked").path("type")
                .asString()).isEqualTo("integer");
        assertThat(schemas.path("IdentityData").path("properties").path("alive").path("type").asString()).isEqualTo("boolean");
        assertThat(schemas.path("PrivatizationStatusData").path("properties").path("status").path("enum").valueStream()
                .map(JsonNode::asString)).containsExactly("SUBJECT_TO_TRANSFER", "IN_TRANSFER", "TRANSFERRED");
    }
}
