package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.core.identifier.NationalCode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** identity end to end: bus → simulated NOCR (SOAP) → minimised reply → one traffic record. */
class IdentityServiceTest extends ProviderServiceTest {

    static final NocrSimulator.Person LIVING = NocrSimulator.LIVING;
    /** Valid national code the NOCR stub below answers too slowly. */
    static final String SLOW_NATIONAL_CODE = NationalCode.completing("128345600").value();

    @BeforeAll
    static void slowNocr() {
        answerSlowly(WireMock.post(urlPathEqualTo("/nocr/PersonInquiry/PersonInquiryService"))
                .withRequestBody(containing(SLOW_NATIONAL_CODE)));
    }

    private Reply inquireIdentity(String consumer, String nationalCode, String birthDate) {
        return inquire("identity", consumer, body(Map.of("nationalCode", nationalCode, "birthDate", birthDate)));
    }

    @Test
    void answersTheIdentityOfALivingPerson() {
        Reply reply = inquireIdentity("CBI", LIVING.nationalCode(), LIVING.birthDate().toString());

        JsonNode data = assertAnswered(reply, "identity", "NOCR");
        assertThat(data.propertyNames()).containsExactly("firstName", "lastName", "fatherName", "gender", "birthDate",
                "alive", "deathDate");
        assertThat(data.path("firstName").asString()).isEqualTo("علی");
        assertThat(data.path("gender").asString()).isEqualTo("MALE");
        assertThat(data.path("birthDate").asString()).isEqualTo("1365/04/12");
        assertThat(data.path("alive").asBoolean(false)).isTrue();
        assertThat(data.path("deathDate").isNull()).isTrue();
    }

    @Test
    void answersTheDeathOfADeceasedPerson() {
        NocrSimulator.Person deceased = NocrSimulator.DECEASED;
        Reply reply = inquireIdentity("CBI", deceased.nationalCode(), deceased.birthDate().toString());

        JsonNode data = assertAnswered(reply, "identity", "NOCR");
        assertThat(data.path("alive").asBoolean(true)).isFalse();
        assertThat(data.path("deathDate").asString()).isEqualTo("1401/09/14");
    }

    @Test
    void answersNotFoundForAnUnknownNationalCode() {
        Reply reply = inquireIdentity("CBI", NocrSimulator.UNKNOWN_NATIONAL_CODE, "1365/04/12");

        assertProblem(reply, 404, "NOT_FOUND", "PERMIT");
        assertThat(reply.raw()).doesNotContain(NocrSimulator.UNKNOWN_NATIONAL_CODE);
    }

    @Test
    void answersNotFoundForAnotherBirthDateWithoutRevealingTheRecordedOne() {
        Reply reply = inquireIdentity("CBI", LIVING.nationalCode(), "1366/04/12");

        JsonNode problem = assertProblem(reply, 404, "NOT_FOUND", "PERMIT");
        assertThat(problem.path("detail").asString()).contains("birth date");
        assertThat(reply.raw()).doesNotContain("1365").doesNotContain("1366").doesNotContain(LIVING.nationalCode());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "nationalCode, 0068421312",
            "nationalCode, 00684213",
            "birthDate,    1400/12/30",
            "birthDate,    12/04/1365"})
    void refusesAnInvalidFieldNamingIt(String field, String value) {
        Map<String, String> valid = Map.of("nationalCode", LIVING.nationalCode(), "birthDate", LIVING.birthDate().toString());

        Reply reply = inquire("identity", "CBI", body(with(valid, field, value)));

        assertInvalidInput(reply, field, value);
    }

    @Test
    void answersBadGatewayWhenNocrFaults() {
        Reply reply = inquireIdentity("CBI", NocrSimulator.FAILING_NATIONAL_CODE, "1360/01/01");

        assertProblem(reply, 502, "PROVIDER_ERROR", "PERMIT");
    }

    @Test
    void answersGatewayTimeoutWhenNocrIsSlowerThanTheTimeout() {
        Reply reply = inquireIdentity("CBI", SLOW_NATIONAL_CODE, "1360/01/01");

        assertProblem(reply, 504, "PROVIDER_TIMEOUT", "PERMIT");
    }
}
