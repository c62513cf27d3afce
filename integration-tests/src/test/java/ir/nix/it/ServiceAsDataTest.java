package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.it.fixture.VehicleOwnerAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service is a descriptor file, an adapter and grants: a sixth service, {@code vehicle-owner} from the
 * Police, whose three parts live only in this module's test sources ({@code fixture-services/vehicle-owner.yml},
 * {@link VehicleOwnerAdapter}, {@code fixture-services/vehicle-owner-grants.yaml}) and no file of the bus's
 * main sources names, is served over REST and SOAP and listed in the catalogue, the OpenAPI document and the
 * WSDL. Its own bus context (own store, broker and node), beside the shared one of other test classes.
 */
@Import(ServiceAsDataTest.Fixture.class)
class ServiceAsDataTest extends BusUnderTest {

    static final Path NODE_DIR = BusUnderTest.DATA_DIR.resolve("sixth-service-node");
    static final Path BUNDLE_DIR = NODE_DIR.resolve("bundle");
    static final String REQUEST = "{\"plate\":\"12B34567\",\"nationalCode\":\"0499370899\"}";

    static {
        ShippedBundle.copyTo(BUNDLE_DIR);
        try (InputStream grant = ServiceAsDataTest.class.getResourceAsStream("/fixture-services/vehicle-owner-grants.yaml")) {
            Files.write(BUNDLE_DIR.resolve("demo-grants.yaml"), grant.readAllBytes(), StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PROVIDERS.stubFor(WireMock.post("/police" + VehicleOwnerAdapter.PATH).withRequestBody(equalToJson(REQUEST))
                .willReturn(okJson("{\"owner\":true,\"model\":\"Saipa Tiba\",\"year\":1398,\"status\":\"ACTIVE\"}")));
    }

    /** The adapter, registered as the adapters' module registers its own: a bean implementing ProviderAdapter. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Fixture {
        @Bean
        VehicleOwnerAdapter vehicleOwnerAdapter(ProviderEndpoints endpoints, ProviderHttpClient http, JsonMapper json) {
            return new VehicleOwnerAdapter(endpoints, http, json);
        }
    }

    @DynamicPropertySource
    static void sixthServiceProperties(DynamicPropertyRegistry registry) {
        registry.add("nix.services.descriptors", () -> "classpath*:services/*.yml,classpath:fixture-services/*.yml");
        registry.add("nix.policy.bundle", () -> BUNDLE_DIR.toAbsolutePath().toString());
        registry.add("nix.policy.watch", () -> "false");
        registry.add("nix.providers.police.base-url", () -> PROVIDERS.baseUrl() + "/police");
        registry.add("nix.providers.police.timeout", () -> PROVIDER_TIMEOUT.toMillis() + "ms");
        ownNode(registry, NODE_DIR, "nix-sixth-service");
    }

    @Test
    void answersOverRestWithTheDescriptorsItems() {
        Reply reply = inquire("vehicle-owner", "SSO", REQUEST);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.body().path("provider").asString()).isEqualTo("POLICE");
        assertThat(reply.body().path("data").path("ownerMatches").asBoolean()).isTrue();
        assertThat(reply.body().path("data").path("modelYear").asInt()).isEqualTo(1398);
        JsonNode record = assertRecorded(reply, "OK", 200, "PERMIT");
        assertThat(record.path("service").asString()).isEqualTo("vehicle-owner");
    }

    @Test
    void refusesAPlateThatBreaksTheDescriptorsPattern() {
        Reply reply = inquire("vehicle-owner", "SSO", REQUEST.replace("12B34567", "12-B-345"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("detail").asString()).startsWith("plate");
    }

    @Test
    void answersOverSoapWithTheItemsInTheDescriptorsOrder() {
        Reply reply = post("/soap/inquiry", Map.of("Content-Type", "text/xml", "X-NIX-Consumer", "SSO"),
                SoapContractTest.envelope("<n:VehicleOwnerRequest><n:plate>12B34567</n:plate>"
                        + "<n:nationalCode>0499370899</n:nationalCode></n:VehicleOwnerRequest>"));

        Document document = SoapContractTest.xml(reply.raw());
        List<String> items = new ArrayList<>();
        for (Node item = document.getElementsByTagNameNS(SoapClientTest.NS, "VehicleOwnerReply").item(0).getFirstChild();
                item != null; item = item.getNextSibling()) {
            items.add(item.getLocalName() + "=" + item.getTextContent());
        }

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(items).containsExactly("trackingId=" + reply.trackingHeader(), "ownerMatches=true", "model=Saipa Tiba",
                "modelYear=1398", "status=ACTIVE");
        assertThat(SoapContractTest.text(document, SoapClientTest.NS, "TrackingId")).isEqualTo(reply.trackingHeader());
        assertThat(trafficRecord(reply.trackingHeader()).path("channel").asString()).isEqualTo("SOAP");
    }

    @Test
    void listsTheServiceInTheCatalogueOpenApiAndWsdl() {
        JsonNode card = get("/api/v1/services/vehicle-owner").body();
        JsonNode openApi = get("/api/v1/openapi.json").body();
        String wsdl = get("/soap/inquiry?wsdl").raw();

        assertThat(card.path("provider").asString()).isEqualTo("POLICE");
        assertThat(card.path("channels").path("soap").path("operation").asString()).isEqualTo("VehicleOwner");
        assertThat(openApi.path("paths").has("/api/v1/inquiries/vehicle-owner")).isTrue();
        assertThat(openApi.path("components").path("schemas").path("VehicleOwnerData").path("properties")
                .propertyNames()).containsExactly("ownerMatches", "model", "modelYear", "status");
        assertThat(wsdl).contains("<wsdl:operation name=\"VehicleOwner\">", "name=\"VehicleOwnerRequest\"",
                "<xs:pattern value=\"[0-9]{2}[A-Z][0-9]{5}\"/>", "<xs:enumeration value=\"STOLEN\"/>");
    }
}
