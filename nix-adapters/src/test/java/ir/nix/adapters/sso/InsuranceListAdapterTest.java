package ir.nix.adapters.sso;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.SimulatedAgency;
import ir.nix.adapters.simulator.SsoSimulator;
import ir.nix.core.provider.ProviderResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SSO adapter against the simulated Social Security Organization's DSK list API. */
class InsuranceListAdapterTest {

    static final SsoSimulator.InsuranceList LIST = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
    static final String REFUSED_WORKSHOP_CODE = "7770002224";

    static SimulatedAgency sso;
    static InsuranceListAdapter adapter;

    @BeforeAll
    static void startSso() {
        sso = SimulatedAgency.start(new SsoSimulator());
        adapter = new InsuranceListAdapter(sso.endpoints(InsuranceListAdapter.SSO), SimulatedAgency.HTTP, SimulatedAgency.JSON);
        String path = sso.path(InsuranceListAdapter.LIST_PATH);
        sso.server().stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.KARGAH_CODE", equalTo(REFUSED_WORKSHOP_CODE)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"RESULT_CODE\":201,\"RESULT_MSG\":\"invalid branch\"}")));
    }

    @AfterAll
    static void stopSso() {
        sso.close();
    }

    private static ProviderResult inquire(InsuranceListAdapter adapter, String nationalId, String workshop, String branch,
                                          int year, int month) {
        return inquire(adapter, nationalId, workshop, branch, year, month, SimulatedAgency.TIMEOUT);
    }

    private static ProviderResult inquire(InsuranceListAdapter adapter, String nationalId, String workshop, String branch,
                                          int year, int month, Duration timeout) {
        return adapter.call(SimulatedAgency.call(SimulatedAgency.descriptor(adapter), "IPO", Map.of("enterpriseNationalId", nationalId,
                "workshopCode", workshop, "branchCode", branch, "year", String.valueOf(year), "month", String.valueOf(month)),
                timeout));
    }

    private static ProviderResult inquire(SsoSimulator.InsuranceList list, int month) {
        return inquire(adapter, list.enterpriseNationalId(), list.workshopCode(), list.branchCode(), list.year(), month);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> persons(ProviderResult result) {
        assertThat(result).isInstanceOf(ProviderResult.Answered.class);
        Map<String, Object> data = ((ProviderResult.Answered) result).data();
        assertThat(data.keySet()).containsExactly("persons");
        return (List<Map<String, Object>>) data.get("persons");
    }

    @Test
    void answersEveryPersonOnTheMonthsList() {
        List<Map<String, Object>> persons = persons(inquire(LIST, LIST.month()));

        assertThat(persons).hasSize(3);
        SsoSimulator.Worker first = LIST.workers().get(0);
        assertThat(persons.get(0)).containsEntry("firstName", "مریم").containsEntry("lastName", "حسینی")
                .containsEntry("nationalCode", first.nationalCode()).containsEntry("insuranceNumber", first.insuranceNumber())
                .containsEntry("daysWorked", 31).containsEntry("ssoShare", first.premium())
                .containsEntry("paymentYear", 1403).containsEntry("paymentMonth", 5)
                .containsEntry("listSentDate", "1403/06/12");
    }

    @Test
    void answersExactlyTheServiceItemsForEveryPerson() {
        List<Map<String, Object>> persons = persons(inquire(LIST, LIST.month()));

        List<String> items = SimulatedAgency.descriptor(adapter).dataItems();
        assertThat(items).allMatch(item -> item.startsWith("persons."));
        assertThat(persons).allSatisfy(person -> assertThat(person.keySet().stream().map(key -> "persons." + key)
                .collect(Collectors.toList())).containsExactlyElementsOf(items));
    }

    @Test
    void reportsAMonthWithoutAListAsNotFound() {
        ProviderResult result = inquire(LIST, LIST.month() + 1);

        assertThat(result).isEqualTo(new ProviderResult.NotFound("SSO holds no insurance list of this workshop for this period"));
    }

    @Test
    void reportsAnUnknownWorkshopAsNotFound() {
        ProviderResult result = inquire(adapter, LIST.enterpriseNationalId(), SsoSimulator.UNKNOWN_WORKSHOP_CODE,
                LIST.branchCode(), 1403, 5);

        assertThat(result).isInstanceOf(ProviderResult.NotFound.class);
        assertThat(((ProviderResult.NotFound) result).detail()).doesNotContain(SsoSimulator.UNKNOWN_WORKSHOP_CODE);
    }

    @Test
    void reportsAWorkshopOfAnotherEnterpriseAsNotFound() {
        ProviderResult result = inquire(adapter, SsoSimulator.TRANSFERRED_LIST.enterpriseNationalId(), LIST.workshopCode(),
                LIST.branchCode(), 1403, 5);

        assertThat(result).isInstanceOf(ProviderResult.NotFound.class);
    }

    @Test
    void reportsARefusedRequestAsRejected() {
        ProviderResult result = inquire(adapter, LIST.enterpriseNationalId(), REFUSED_WORKSHOP_CODE, LIST.branchCode(), 1403, 5);

        assertThat(result).isEqualTo(new ProviderResult.Rejected("SSO refused the request (SSO code 201)"));
    }

    @Test
    void reportsAServerErrorAsProviderFailure() {
        ProviderResult result = inquire(adapter, LIST.enterpriseNationalId(), SsoSimulator.FAILING_WORKSHOP_CODE,
                LIST.branchCode(), 1403, 5);

        assertThat(result).isEqualTo(new ProviderResult.Failed("SSO answered HTTP 500"));
    }

    @Test
    void timesOutWhenSsoNeverAnswers() {
        InsuranceListAdapter silent = new InsuranceListAdapter(SimulatedAgency.silent(InsuranceListAdapter.SSO),
                SimulatedAgency.HTTP, SimulatedAgency.JSON);

        ProviderResult result = inquire(silent, LIST.enterpriseNationalId(), LIST.workshopCode(), LIST.branchCode(), 1403, 5,
                SimulatedAgency.SILENT_TIMEOUT);

        assertThat(result).isInstanceOf(ProviderResult.TimedOut.class);
    }

    @Test
    void reportsUnavailableWhenSsoCannotBeReached() {
        InsuranceListAdapter cutOff = new InsuranceListAdapter(SimulatedAgency.unreachable(InsuranceListAdapter.SSO),
                SimulatedAgency.HTTP, SimulatedAgency.JSON);

        assertThat(inquire(cutOff, LIST.enterpriseNationalId(), LIST.workshopCode(), LIST.branchCode(), 1403, 5))
                .isInstanceOf(ProviderResult.Unavailable.class);
    }

    @Test
    void readsDskCompactJalaliDates() {
        assertThat(InsuranceListAdapter.jalali("14030612")).hasValue("1403/06/12");
        assertThat(InsuranceListAdapter.jalali("14031331")).isEmpty();
        assertThat(InsuranceListAdapter.jalali(null)).isEmpty();
    }
}
