package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.adapters.simulator.SsoSimulator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * insurance-list end to end: bus → (privatization-list condition) → simulated SSO (REST/JSON) → reply cut
 * to the granted {@code persons.*} items → one traffic record. The condition itself is covered by
 * {@link InsuranceListConditionTest}; here the enterprise is always subject to transfer.
 */
class InsuranceListServiceTest extends ProviderServiceTest {

    static final SsoSimulator.InsuranceList LIST = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
    /** Workshop code the SSO stub below answers too slowly. */
    static final String SLOW_WORKSHOP_CODE = "7770001113";

    @BeforeAll
    static void slowSso() {
        answerSlowly(WireMock.post(urlPathEqualTo("/sso/dsk/api/v1/insurance-list"))
                .withRequestBody(matchingJsonPath("$.KARGAH_CODE", equalTo(SLOW_WORKSHOP_CODE))));
    }

    private static Map<String, Object> request() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("enterpriseNationalId", LIST.enterpriseNationalId());
        request.put("workshopCode", LIST.workshopCode());
        request.put("branchCode", LIST.branchCode());
        request.put("year", LIST.year());
        request.put("month", LIST.month());
        return request;
    }

    private Reply inquireList(Map<String, Object> request) {
        return inquire("insurance-list", "IPO", body(request));
    }

    @Test
    void answersThePersonsOnTheMonthsList() {
        Reply reply = inquireList(request());

        JsonNode persons = assertAnswered(reply, "insurance-list", "SSO").path("persons");
        assertThat(persons.size()).isEqualTo(LIST.workers().size());
        JsonNode first = persons.get(0);
        assertThat(first.propertyNames()).containsExactly("firstName", "lastName", "nationalCode", "insuranceNumber",
                "daysWorked", "ssoShare", "paymentYear", "paymentMonth", "listSentDate");
        assertThat(first.path("nationalCode").asString()).isEqualTo(LIST.workers().get(0).nationalCode());
        assertThat(first.path("daysWorked").asInt()).isEqualTo(31);
        assertThat(first.path("ssoShare").asLong()).isEqualTo(LIST.workers().get(0).premium());
        assertThat(first.path("paymentYear").asInt()).isEqualTo(1403);
        assertThat(first.path("paymentMonth").asInt()).isEqualTo(5);
        assertThat(first.path("listSentDate").asString()).isEqualTo("1403/06/12");
    }

    @Test
    void answersNotFoundForAMonthWithoutAList() {
        Reply reply = inquireList(with(request(), "month", 6));

        assertProblem(reply, 404, "NOT_FOUND", "PERMIT");
    }

    @Test
    void answersNotFoundForAnUnknownWorkshop() {
        Reply reply = inquireList(with(request(), "workshopCode", SsoSimulator.UNKNOWN_WORKSHOP_CODE));

        assertProblem(reply, 404, "NOT_FOUND", "PERMIT");
        assertThat(reply.raw()).doesNotContain(SsoSimulator.UNKNOWN_WORKSHOP_CODE);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "enterpriseNationalId, 10101765431",
            "enterpriseNationalId, 1010176543",
            "workshopCode,         20456-78912",
            "workshopCode,         204567891234567890123",
            "branchCode,           12A40",
            "year,                 12999",
            "year,                 1299",
            "month,                13",
            "month,                Mordad"})
    void refusesAnInvalidFieldNamingIt(String field, String value) {
        Reply reply = inquireList(with(request(), field, value));

        assertInvalidInput(reply, field, value);
    }

    @Test
    void answersBadGatewayWhenSsoFails() {
        Reply reply = inquireList(with(request(), "workshopCode", SsoSimulator.FAILING_WORKSHOP_CODE));

        assertProblem(reply, 502, "PROVIDER_ERROR", "PERMIT");
    }

    @Test
    void answersGatewayTimeoutWhenSsoIsSlowerThanTheTimeout() {
        Reply reply = inquireList(with(request(), "workshopCode", SLOW_WORKSHOP_CODE));

        assertProblem(reply, 504, "PROVIDER_TIMEOUT", "PERMIT");
    }
}
