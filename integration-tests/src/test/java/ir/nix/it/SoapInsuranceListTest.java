package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import ir.nix.it.soap.client.InquiryPort;
import ir.nix.it.soap.client.InsuranceListReply;
import ir.nix.it.soap.client.InsuranceListRequest;
import ir.nix.it.soap.client.InsuranceListPersonsItem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * insurance-list over SOAP: SSO's monthly list, for the Privatization Organization, under the
 * 26th-session condition that the enterprise is on the privatization list as subject to transfer.
 */
class SoapInsuranceListTest extends SoapClientTest {

    static final SsoSimulator.InsuranceList LISTED = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
    /** Workshop code the simulated SSO answers too slowly. */
    static final String SLOW_WORKSHOP_CODE = "7770001112";

    static Map<String, String> fields(SsoSimulator.InsuranceList list) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("enterpriseNationalId", list.enterpriseNationalId());
        fields.put("workshopCode", list.workshopCode());
        fields.put("branchCode", list.branchCode());
        fields.put("year", String.valueOf(list.year()));
        fields.put("month", String.valueOf(list.month()));
        return fields;
    }

    static Map<String, String> with(String field, String value) {
        Map<String, String> fields = fields(LISTED);
        fields.put(field, value);
        fields.values().removeIf(Objects::isNull);
        return fields;
    }

    /** Year and month are numbers in the contract; a missing one is sent nil. */
    private static Integer number(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    Answer<InsuranceListReply> insuranceList(String consumer, Map<String, String> fields) {
        InsuranceListRequest request = new InsuranceListRequest();
        request.setEnterpriseNationalId(fields.get("enterpriseNationalId"));
        request.setWorkshopCode(fields.get("workshopCode"));
        request.setBranchCode(fields.get("branchCode"));
        request.setYear(number(fields.get("year")));
        request.setMonth(number(fields.get("month")));
        return soap(consumer, InquiryPort::insuranceList, request);
    }

    @Test
    void answersTheMonthsInsuranceListAsRepeatedPersons() {
        Answer<InsuranceListReply> answer = insuranceList("IPO", fields(LISTED));

        assertThat(answer.fault()).isNull();
        assertThat(answer.reply().getPersons()).hasSameSizeAs(LISTED.workers());
        InsuranceListPersonsItem first = answer.reply().getPersons().get(0);
        SsoSimulator.Worker worker = LISTED.workers().get(0);
        assertThat(first.getNationalCode()).isEqualTo(worker.nationalCode());
        assertThat(first.getDaysWorked()).isEqualTo(worker.daysWorked());
        assertThat(first.getPaymentYear()).isEqualTo(LISTED.year());
        assertThat(first.getPaymentMonth()).isEqualTo(LISTED.month());
        assertRecorded(answer, "OK", "PERMIT");
    }

    @Test
    void refusesWhenTheEnterpriseIsNoLongerSubjectToTransfer() {
        Answer<InsuranceListReply> answer = insuranceList("IPO", fields(SsoSimulator.TRANSFERRED_LIST));

        assertLikeRest(answer, "CONDITION_FAILED", "insurance-list", "IPO", fields(SsoSimulator.TRANSFERRED_LIST));
    }

    @Test
    void answersNotFoundForAnUnknownWorkshop() {
        Map<String, String> fields = with("workshopCode", SsoSimulator.UNKNOWN_WORKSHOP_CODE);

        Answer<InsuranceListReply> answer = insuranceList("IPO", fields);

        assertLikeRest(answer, "NOT_FOUND", "insurance-list", "IPO", fields);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(nullValues = "null", value = {
            "enterpriseNationalId, 123",
            "enterpriseNationalId, null",
            "workshopCode, 20456x8912",
            "workshopCode, null",
            "branchCode, abc",
            "branchCode, null",
            "year, 1250",
            "year, null",
            "month, 13",
            "month, null"})
    void refusesInvalidInputNamingTheField(String field, String value) {
        Map<String, String> fields = with(field, value);

        Answer<InsuranceListReply> answer = insuranceList("IPO", fields);

        assertInvalidLikeRest(answer, field, "insurance-list", "IPO", fields);
    }

    @Test
    void answersProviderErrorWhenSsoFails() {
        Map<String, String> fields = with("workshopCode", SsoSimulator.FAILING_WORKSHOP_CODE);

        Answer<InsuranceListReply> answer = insuranceList("IPO", fields);

        assertLikeRest(answer, "PROVIDER_ERROR", "insurance-list", "IPO", fields);
    }

    @Test
    void answersProviderTimeoutWhenSsoIsSlowerThanTimeout() {
        slowProvider("SSO", SLOW_WORKSHOP_CODE);

        Answer<InsuranceListReply> answer = insuranceList("IPO", with("workshopCode", SLOW_WORKSHOP_CODE));

        assertRecorded(answer, "PROVIDER_TIMEOUT", "PERMIT");
    }

    @Test
    void refusesAConsumerWithoutGrant() {
        Answer<InsuranceListReply> answer = insuranceList("IRCS", fields(LISTED));

        assertRecorded(answer, "NO_GRANT", "DENY");
        assertThat(IpoSimulator.SUBJECT_TO_TRANSFER.nationalId()).isEqualTo(LISTED.enterpriseNationalId());
    }
}
