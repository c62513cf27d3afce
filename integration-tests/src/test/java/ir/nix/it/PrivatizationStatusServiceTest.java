package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.core.identifier.LegalEntityId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** privatization-status end to end: bus → simulated Privatization Organization list (REST/JSON) → one traffic record. */
class PrivatizationStatusServiceTest extends ProviderServiceTest {

    /** Legal-entity ID the list stub below answers too slowly. */
    static final String SLOW_NATIONAL_ID = LegalEntityId.completing("1030567821").value();

    @BeforeAll
    static void slowList() {
        answerSlowly(WireMock.post(urlPathEqualTo("/ipo/api/v1/privatization-list/enterprise"))
                .withRequestBody(matchingJsonPath("$.ShenaseMelli", equalTo(SLOW_NATIONAL_ID))));
    }

    private Reply inquireStatus(String consumer, String nationalId) {
        return inquire("privatization-status", consumer, body(Map.of("enterpriseNationalId", nationalId)));
    }

    @Test
    void answersAnEnterpriseSubjectToTransferToThePublisher() {
        Reply reply = inquireStatus("IPO", IpoSimulator.SUBJECT_TO_TRANSFER.nationalId());

        JsonNode data = assertAnswered(reply, "privatization-status", "IPO");
        assertThat(data.propertyNames()).containsExactly("enterpriseName", "status", "lastEntryDate", "lastExitDate", "history");
        assertThat(data.path("status").asString()).isEqualTo("SUBJECT_TO_TRANSFER");
        assertThat(data.path("lastEntryDate").asString()).isEqualTo("1401/03/15");
        assertThat(data.path("lastExitDate").isNull()).isTrue();
        assertThat(data.path("history").get(0).path("entryDate").asString()).isEqualTo("1400/02/10");
        assertThat(data.path("history").get(0).path("exitDate").asString()).isEqualTo("1400/06/01");
    }

    @Test
    void answersATransferredEnterpriseWithItsExitAndEarlierStays() {
        Reply reply = inquireStatus("IPO", IpoSimulator.TRANSFERRED.nationalId());

        JsonNode data = assertAnswered(reply, "privatization-status", "IPO");
        assertThat(data.path("status").asString()).isEqualTo("TRANSFERRED");
        assertThat(data.path("lastExitDate").asString()).isEqualTo("1402/12/20");
        assertThat(data.path("history").size()).isEqualTo(3);
    }

    @Test
    void answersSsoOnlyWhatItsConditionCheckNeeds() {
        Reply reply = inquireStatus("SSO", IpoSimulator.IN_TRANSFER.nationalId());

        JsonNode data = assertAnswered(reply, "privatization-status", "IPO");
        assertThat(data.propertyNames()).containsExactlyInAnyOrder("status", "lastExitDate");
        assertThat(data.path("status").asString()).isEqualTo("IN_TRANSFER");
    }

    @Test
    void answersNotFoundForAnEnterpriseNotOnTheList() {
        Reply reply = inquireStatus("IPO", IpoSimulator.UNLISTED_NATIONAL_ID);

        assertProblem(reply, 404, "NOT_FOUND", "PERMIT");
        assertThat(reply.raw()).doesNotContain(IpoSimulator.UNLISTED_NATIONAL_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10101765431", "1010176543", "00000000000", "1010176543X"})
    void refusesAnInvalidNationalIdNamingTheField(String value) {
        Reply reply = inquireStatus("IPO", value);

        assertInvalidInput(reply, "enterpriseNationalId", value);
    }

    @Test
    void answersBadGatewayWhenTheListServiceFails() {
        Reply reply = inquireStatus("IPO", IpoSimulator.FAILING_NATIONAL_ID);

        assertProblem(reply, 502, "PROVIDER_ERROR", "PERMIT");
    }

    @Test
    void answersGatewayTimeoutWhenTheListServiceIsSlowerThanTheTimeout() {
        Reply reply = inquireStatus("IPO", SLOW_NATIONAL_ID);

        assertProblem(reply, 504, "PROVIDER_TIMEOUT", "PERMIT");
    }
}
