package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 26th-session resolution: SSO answers the Privatization Organization's insurance-list inquiry only
 * while the enterprise is on the privatization list as subject to transfer. The bus checks the list
 * itself, through its own pipeline, and records that check linked to the parent exchange.
 */
class InsuranceListConditionTest extends BusUnderTest {

    @Autowired
    DataSource dataSource;

    private static String request(String enterpriseNationalId) {
        SsoSimulator.InsuranceList list = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
        return "{\"enterpriseNationalId\":\"" + enterpriseNationalId + "\",\"workshopCode\":\"" + list.workshopCode()
                + "\",\"branchCode\":\"" + list.branchCode() + "\",\"year\":" + list.year() + ",\"month\":" + list.month() + "}";
    }

    @Test
    void answersWhileEnterpriseIsSubjectToTransfer() {
        Reply reply = inquire("insurance-list", "IPO", request(IpoSimulator.SUBJECT_TO_TRANSFER.nationalId()));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode persons = reply.body().path("data").path("persons");
        assertThat(persons.size()).isEqualTo(SsoSimulator.SUBJECT_TO_TRANSFER_LIST.workers().size());
        assertThat(persons.get(0).propertyNames()).containsExactlyInAnyOrder("firstName", "lastName", "nationalCode",
                "insuranceNumber", "daysWorked", "ssoShare", "paymentYear", "paymentMonth", "listSentDate");
        JsonNode check = linkedCheck(reply.trackingHeader());
        assertThat(check.path("outcome").asString()).isEqualTo("OK");
    }

    @Test
    void refusesWhenEnterpriseHasExitedTheList() {
        Reply reply = inquire("insurance-list", "IPO", request(IpoSimulator.TRANSFERRED.nationalId()));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().path("code").asString()).isEqualTo("CONDITION_FAILED");
        assertThat(reply.raw()).doesNotContain(IpoSimulator.TRANSFERRED.nationalId());
        assertThat(trafficRecord(reply.trackingHeader()).path("outcome").asString()).isEqualTo("CONDITION_FAILED");
        assertThat(linkedCheck(reply.trackingHeader()).path("outcome").asString()).isEqualTo("OK");
    }

    @Test
    void refusesWhenEnterpriseIsInTransferRatherThanSubjectToTransfer() {
        Reply reply = inquire("insurance-list", "IPO", request(IpoSimulator.IN_TRANSFER.nationalId()));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().path("code").asString()).isEqualTo("CONDITION_FAILED");
    }

    @Test
    void refusesWhenEnterpriseIsNotOnTheList() {
        Reply reply = inquire("insurance-list", "IPO", request(IpoSimulator.UNLISTED_NATIONAL_ID));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().path("code").asString()).isEqualTo("CONDITION_FAILED");
        assertThat(reply.body().path("detail").asString()).contains("not on the privatization list");
        assertThat(linkedCheck(reply.trackingHeader()).path("outcome").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void refusesWhenTheListCannotBeChecked() {
        Reply reply = inquire("insurance-list", "IPO", request(IpoSimulator.FAILING_NATIONAL_ID));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().path("code").asString()).isEqualTo("CONDITION_FAILED");
        assertThat(linkedCheck(reply.trackingHeader()).path("outcome").asString()).isEqualTo("PROVIDER_ERROR");
    }

    /** The bus's own privatization-list inquiry, recorded with the parent's tracking ID. */
    private JsonNode linkedCheck(String parentTrackingId) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> children = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForList(
                "SELECT tracking_id FROM traffic_record WHERE parent_tracking_id = ?", String.class, parentTrackingId),
                found -> !found.isEmpty());
        assertThat(children).hasSize(1);
        JsonNode check = trafficRecord(children.get(0));
        assertThat(check.path("channel").asString()).isEqualTo("INTERNAL");
        assertThat(check.path("service").asString()).isEqualTo("privatization-status");
        assertThat(check.path("consumer").asString()).isEqualTo("SSO");
        assertThat(check.path("parentTrackingId").asString()).isEqualTo(parentTrackingId);
        return check;
    }
}
