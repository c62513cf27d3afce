package ir.nix.adapters.nocr;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.SimulatedAgency;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.soap.SoapProviderClients;
import ir.nix.core.provider.ProviderResult;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The NOCR adapter against the simulated Civil Registration, over SOAP through the generated CXF client. */
class IdentityAdapterTest {


    static SimulatedAgency nocr;
    static SoapProviderClients soap;
    static IdentityAdapter adapter;

    @BeforeAll
    static void startNocr() {
        nocr = SimulatedAgency.start(new NocrSimulator());
        soap = new SoapProviderClients(SimulatedAgency.properties());
        adapter = new IdentityAdapter(nocr.endpoints(IdentityAdapter.NOCR), soap);
    }

    @AfterAll
    static void stopNocr() {
        soap.destroy();
        nocr.close();
    }

    private static ProviderResult inquire(IdentityAdapter adapter, String nationalCode, String birthDate) {
        return inquire(adapter, nationalCode, birthDate, SimulatedAgency.TIMEOUT);
    }

    private static ProviderResult inquire(IdentityAdapter adapter, String nationalCode, String birthDate, Duration timeout) {
        return adapter.call(SimulatedAgency.call(SimulatedAgency.descriptor(adapter), "CBI",
                Map.of("nationalCode", nationalCode, "birthDate", birthDate), timeout));
    }

    private static Map<String, Object> answered(ProviderResult result) {
        assertThat(result).isInstanceOf(ProviderResult.Answered.class);
        return ((ProviderResult.Answered) result).data();
    }

    @Test
    void answersTheIdentityOfALivingPerson() {
        Map<String, Object> data = answered(inquire(adapter, NocrSimulator.LIVING.nationalCode(), "1365/04/12"));

        assertThat(data).containsEntry("firstName", "علی").containsEntry("lastName", "رضایی")
                .containsEntry("fatherName", "حسن").containsEntry("gender", "MALE")
                .containsEntry("birthDate", "1365/04/12").containsEntry("alive", true).containsEntry("deathDate", null);
    }

    @Test
    void answersExactlyTheServiceItems() {
        Map<String, Object> data = answered(inquire(adapter, NocrSimulator.LIVING_FEMALE.nationalCode(), "1372/11/03"));

        assertThat(data.keySet()).containsExactlyElementsOf(SimulatedAgency.descriptor(adapter).dataItems());
        assertThat(data).containsEntry("gender", "FEMALE");
    }

    @Test
    void answersTheDeathDateOfADeceasedPerson() {
        Map<String, Object> data = answered(inquire(adapter, NocrSimulator.DECEASED.nationalCode(), "1318/06/20"));

        assertThat(data).containsEntry("alive", false).containsEntry("deathDate", "1401/09/14");
    }

    @Test
    void acceptsPersianDigitsAndSendsNocrTheCompactDate() {
        Map<String, Object> data = answered(inquire(adapter, NocrSimulator.LIVING.nationalCode(), "۱۳۶۵-۴-۱۲"));

        assertThat(data).containsEntry("birthDate", "1365/04/12");
    }

    @Test
    void reportsAnUnknownNationalCodeAsNotFound() {
        ProviderResult result = inquire(adapter, NocrSimulator.UNKNOWN_NATIONAL_CODE, "1365/04/12");

        assertThat(result).isEqualTo(new ProviderResult.NotFound("NOCR holds no person with this national code"));
    }

    @Test
    void reportsAnotherBirthDateAsNotFoundWithoutRevealingEitherDate() {
        ProviderResult result = inquire(adapter, NocrSimulator.LIVING.nationalCode(), "1365/04/13");

        assertThat(result).isInstanceOf(ProviderResult.NotFound.class);
        assertThat(((ProviderResult.NotFound) result).detail()).contains("birth date")
                .doesNotContain("1365").doesNotContain(NocrSimulator.LIVING.nationalCode());
    }

    @Test
    void reportsAnUndeclaredSoapFaultAsProviderFailure() {
        ProviderResult result = inquire(adapter, NocrSimulator.FAILING_NATIONAL_CODE, "1360/01/01");

        assertThat(result).isInstanceOf(ProviderResult.Failed.class);
        assertThat(((ProviderResult.Failed) result).detail()).doesNotContain(NocrSimulator.FAILING_NATIONAL_CODE);
    }

    @Test
    void timesOutWhenNocrNeverAnswers() {
        IdentityAdapter silent = new IdentityAdapter(SimulatedAgency.silent(IdentityAdapter.NOCR), soap);

        assertThat(inquire(silent, NocrSimulator.LIVING.nationalCode(), "1365/04/12", SimulatedAgency.SILENT_TIMEOUT)).isInstanceOf(ProviderResult.TimedOut.class);
    }

    @Test
    void reportsUnavailableWhenNocrCannotBeReached() {
        IdentityAdapter cutOff = new IdentityAdapter(SimulatedAgency.unreachable(IdentityAdapter.NOCR), soap);

        assertThat(inquire(cutOff, NocrSimulator.LIVING.nationalCode(), "1365/04/12")).isInstanceOf(ProviderResult.Unavailable.class);
    }

    @Test
    void convertsBetweenJalaliDatesAndNocrIntegers() {
        assertThat(IdentityAdapter.jalali(13991230)).map(Object::toString).hasValue("1399/12/30");
        assertThat(IdentityAdapter.jalali(14001230)).isEmpty();
    }
}
