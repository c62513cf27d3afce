package ir.nix.adapters.ipo;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.SimulatedAgency;
import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.provider.ProviderResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The privatization-list adapter against the simulated Privatization Organization. */
class PrivatizationStatusAdapterTest {

    /** Listed with a transfer status code outside the list's contract. */
    static final String ODD_STATUS_NATIONAL_ID = LegalEntityId.completing("1086024718").value();

    static SimulatedAgency ipo;
    static PrivatizationStatusAdapter adapter;

    @BeforeAll
    static void startIpo() {
        ipo = SimulatedAgency.start(new IpoSimulator());
        adapter = new PrivatizationStatusAdapter(ipo.endpoints(PrivatizationStatusAdapter.IPO), SimulatedAgency.HTTP,
                SimulatedAgency.JSON);
        String path = ipo.path(PrivatizationStatusAdapter.LOOKUP_PATH);
        ipo.server().stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.ShenaseMelli", equalTo(ODD_STATUS_NATIONAL_ID)))
                .willReturn(okJson("{\"ResultCode\":0,\"Bongah\":{\"NameBongah\":\"x\",\"VaziatVagozari\":7,"
                        + "\"TarikhAkharinVorood\":\"2022-06-05\"}}")));
    }

    @AfterAll
    static void stopIpo() {
        ipo.close();
    }

    private static ProviderResult inquire(PrivatizationStatusAdapter adapter, String nationalId) {
        return inquire(adapter, nationalId, SimulatedAgency.TIMEOUT);
    }

    private static ProviderResult inquire(PrivatizationStatusAdapter adapter, String nationalId, Duration timeout) {
        return adapter.call(SimulatedAgency.call(SimulatedAgency.descriptor(adapter), "SSO", Map.of("enterpriseNationalId", nationalId),
                timeout));
    }

    private static Map<String, Object> answered(String nationalId) {
        ProviderResult result = inquire(adapter, nationalId);
        assertThat(result).isInstanceOf(ProviderResult.Answered.class);
        return ((ProviderResult.Answered) result).data();
    }

    @Test
    void answersAnEnterpriseSubjectToTransferWithItsEarlierStay() {
        Map<String, Object> data = answered(IpoSimulator.SUBJECT_TO_TRANSFER.nationalId());

        assertThat(data).containsEntry("enterpriseName", "شرکت صنایع نساجی البرز نمونه")
                .containsEntry("status", "SUBJECT_TO_TRANSFER").containsEntry("lastEntryDate", "1401/03/15")
                .containsEntry("lastExitDate", null)
                .containsEntry("history", List.of(Map.of("entryDate", "1400/02/10", "exitDate", "1400/06/01")));
    }

    @Test
    void answersExactlyTheServiceItems() {
        Map<String, Object> data = answered(IpoSimulator.IN_TRANSFER.nationalId());

        assertThat(data.keySet()).containsExactlyElementsOf(SimulatedAgency.descriptor(adapter).dataItems());
        assertThat(data).containsEntry("status", "IN_TRANSFER").containsEntry("history", List.of());
    }

    @Test
    void answersATransferredEnterpriseThatLeftTheList() {
        Map<String, Object> data = answered(IpoSimulator.TRANSFERRED.nationalId());

        assertThat(data).containsEntry("status", "TRANSFERRED").containsEntry("lastEntryDate", "1401/04/10")
                .containsEntry("lastExitDate", "1402/12/20");
        assertThat((List<?>) data.get("history")).hasSize(3)
                .first().isEqualTo(Map.of("entryDate", "1400/01/20", "exitDate", "1400/04/05"));
    }

    @Test
    void reportsAnUnlistedEnterpriseAsNotFound() {
        ProviderResult result = inquire(adapter, IpoSimulator.UNLISTED_NATIONAL_ID);

        assertThat(result).isInstanceOf(ProviderResult.NotFound.class);
        assertThat(((ProviderResult.NotFound) result).detail()).doesNotContain(IpoSimulator.UNLISTED_NATIONAL_ID);
    }

    @Test
    void reportsAServerErrorAsProviderFailure() {
        assertThat(inquire(adapter, IpoSimulator.FAILING_NATIONAL_ID)).isEqualTo(new ProviderResult.Failed("IPO answered HTTP 500"));
    }

    @Test
    void reportsAStatusOutsideTheContractAsProviderFailure() {
        assertThat(inquire(adapter, ODD_STATUS_NATIONAL_ID)).isInstanceOf(ProviderResult.Failed.class);
    }

    @Test
    void timesOutWhenTheListServiceNeverAnswers() {
        PrivatizationStatusAdapter silent = new PrivatizationStatusAdapter(
                SimulatedAgency.silent(PrivatizationStatusAdapter.IPO), SimulatedAgency.HTTP, SimulatedAgency.JSON);

        assertThat(inquire(silent, IpoSimulator.SUBJECT_TO_TRANSFER.nationalId(), SimulatedAgency.SILENT_TIMEOUT)).isInstanceOf(ProviderResult.TimedOut.class);
    }

    @Test
    void reportsUnavailableWhenTheListServiceCannotBeReached() {
        PrivatizationStatusAdapter cutOff = new PrivatizationStatusAdapter(
                SimulatedAgency.unreachable(PrivatizationStatusAdapter.IPO), SimulatedAgency.HTTP, SimulatedAgency.JSON);

        assertThat(inquire(cutOff, IpoSimulator.SUBJECT_TO_TRANSFER.nationalId())).isInstanceOf(ProviderResult.Unavailable.class);
    }
}
