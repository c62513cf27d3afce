package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.adapters.simulator.PostSimulator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** postal-address end to end: bus → simulated Iran Post GNAF (SOAP) → minimised reply → one traffic record. */
class PostalAddressServiceTest extends ProviderServiceTest {

    /** Valid postal code the GNAF stub below answers too slowly. */
    static final String SLOW_POSTAL_CODE = "1357946819";

    @BeforeAll
    static void slowGnaf() {
        answerSlowly(WireMock.post(urlPathEqualTo("/post/GNAF/AddressService.asmx")).withRequestBody(containing(SLOW_POSTAL_CODE)));
    }

    private Reply inquireAddress(String consumer, String postalCode) {
        return inquire("postal-address", consumer, body(Map.of("postalCode", postalCode)));
    }

    @Test
    void answersTheWholeWrittenAddressToTheRedCrescent() {
        Reply reply = inquireAddress("IRCS", PostSimulator.TEHRAN_POSTAL_CODE);

        JsonNode data = assertAnswered(reply, "postal-address", "POST");
        assertThat(data.propertyNames()).containsExactly("province", "city", "locality", "street", "alley", "plaque",
                "floor", "unit", "buildingName", "description");
        assertThat(data.path("province").asString()).isEqualTo("تهران");
        assertThat(data.path("street").asString()).isEqualTo("خیابان بیست و یکم");
        assertThat(data.path("plaque").asString()).isEqualTo("14");
        assertThat(data.path("unit").asString()).isEqualTo("7");
    }

    @Test
    void answersOnlyTheGrantedPartOfTheAddress() {
        Reply reply = inquireAddress("CBI", PostSimulator.SHIRAZ_POSTAL_CODE);

        JsonNode data = assertAnswered(reply, "postal-address", "POST");
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("province", "city", "street", "plaque");
        assertThat(data.path("city").asString()).isEqualTo("شیراز");
    }

    @Test
    void answersNotFoundForAPostalCodeWithoutAddress() {
        Reply reply = inquireAddress("IRCS", PostSimulator.UNKNOWN_POSTAL_CODE);

        assertProblem(reply, 404, "NOT_FOUND", "PERMIT");
        assertThat(reply.raw()).doesNotContain(PostSimulator.UNKNOWN_POSTAL_CODE);
    }

    @Test
    void refusesAnInvalidPostalCodeNamingTheField() {
        Reply reply = inquireAddress("IRCS", "0193653471");

        assertInvalidInput(reply, "postalCode", "0193653471");
    }

    @Test
    void answersBadGatewayWhenGnafFaults() {
        Reply reply = inquireAddress("IRCS", PostSimulator.FAILING_POSTAL_CODE);

        assertProblem(reply, 502, "PROVIDER_ERROR", "PERMIT");
    }

    @Test
    void answersGatewayTimeoutWhenGnafIsSlowerThanTheTimeout() {
        Reply reply = inquireAddress("IRCS", SLOW_POSTAL_CODE);

        assertProblem(reply, 504, "PROVIDER_TIMEOUT", "PERMIT");
    }
}
