package ir.nix.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document types every request and reply from the descriptor file, under names generators keep. */
class OpenApiDocumentTest {

    static final List<ServiceDescriptor> PARCEL = ServiceDescriptorFiles.read(List.of("classpath:descriptors/good/*.yml"));
    static final JsonNode DOCUMENT = JsonMapper.builder().build().readTree(new OpenApiDocument().json(PARCEL));
    static final JsonNode SCHEMAS = DOCUMENT.path("components").path("schemas");

    @Test
    void namesTheOperationWithAnIdentifierAndRefersToNamedSchemas() {
        JsonNode post = DOCUMENT.path("paths").path("/api/v1/inquiries/parcel").path("post");

        assertThat(DOCUMENT.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(post.path("operationId").asString()).isEqualTo("parcel");
        assertThat(post.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                .asString()).isEqualTo("#/components/schemas/ParcelRequest");
        assertThat(post.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asString()).isEqualTo("#/components/schemas/ParcelReply");
    }

    @Test
    void typesTheRequestWithPatternsBooleansAndEnumerations() {
        JsonNode request = SCHEMAS.path("ParcelRequest");

        assertThat(request.path("required").valueStream().map(JsonNode::asString)).containsExactly("barcode");
        assertThat(request.has("additionalProperties")).isFalse();
        assertThat(request.path("properties").path("barcode").path("pattern").asString()).isEqualTo("^[A-Z]{2}[0-9]{9}IR$");
        assertThat(request.path("properties").path("express").path("type").asString()).isEqualTo("boolean");
        assertThat(request.path("properties").path("kind").path("enum").valueStream().map(JsonNode::asString))
                .containsExactly("LETTER", "PARCEL");
    }

    @Test
    void typesTheReplyDataAndNamesListItems() {
        JsonNode data = SCHEMAS.path("ParcelData").path("properties");

        assertThat(SCHEMAS.path("ParcelReply").path("properties").path("data").path("$ref").asString())
                .isEqualTo("#/components/schemas/ParcelData");
        assertThat(data.path("delivered").path("type").asString()).isEqualTo("boolean");
        assertThat(data.path("stops").path("type").asString()).isEqualTo("array");
        assertThat(data.path("stops").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/ParcelStopsItem");
        assertThat(SCHEMAS.path("ParcelStopsItem").path("properties").path("day").path("pattern").asString())
                .isEqualTo("^[0-9]{4}/[0-9]{2}/[0-9]{2}$");
    }

    @Test
    void describesTheProblemAndRetryAfter() {
        JsonNode responses = DOCUMENT.path("components").path("responses");

        assertThat(SCHEMAS.path("Problem").path("properties").path("code").path("enum").valueStream()
                .map(JsonNode::asString)).contains("INVALID_INPUT", "NO_GRANT", "PROVIDER_TIMEOUT");
        assertThat(responses.path("Problem429").path("headers").has("Retry-After")).isTrue();
        assertThat(responses.path("Problem503").path("headers").has("Retry-After")).isTrue();
        assertThat(responses.path("Problem400").path("headers").has("X-NIX-Tracking-Id")).isTrue();
    }
}
