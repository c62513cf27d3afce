package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.it.soap.client.InquiryPort;
import ir.nix.it.soap.client.PrivatizationStatusReply;
import ir.nix.it.soap.client.PrivatizationStatusRequest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** privatization-status over SOAP: the Privatization Organization's list, history as repeated periods. */
class SoapPrivatizationStatusTest extends SoapClientTest {

    /** Valid national ID the simulated list service answers too slowly. */
    static final String SLOW_NATIONAL_ID = LegalEntityId.completing("1010555444").value();

    Answer<PrivatizationStatusReply> status(String consumer, String enterpriseNationalId) {
        PrivatizationStatusRequest request = new PrivatizationStatusRequest();
        request.setEnterpriseNationalId(enterpriseNationalId);
        return soap(consumer, InquiryPort::privatizationStatus, request);
    }

    @Test
    void answersStatusAndListingHistory() {
        IpoSimulator.Enterprise transferred = IpoSimulator.TRANSFERRED;

        Answer<PrivatizationStatusReply> answer = status("IPO", transferred.nationalId());

        assertThat(answer.fault()).isNull();
        assertThat(answer.reply().getEnterpriseName()).isEqualTo(transferred.name());
        assertThat(answer.reply().getStatus().value()).isEqualTo("TRANSFERRED");
        IpoSimulator.Stay last = transferred.stays().get(transferred.stays().size() - 1);
        assertThat(answer.reply().getLastEntryDate()).isEqualTo(last.entry().toString());
        assertThat(answer.reply().getLastExitDate()).isEqualTo(last.exit().toString());
        assertThat(answer.reply().getHistory()).hasSize(transferred.stays().size() - 1);
        assertThat(answer.reply().getHistory().get(0).getEntryDate()).isEqualTo(transferred.stays().get(0).entry().toString());
        assertRecorded(answer, "OK", "PERMIT");
    }

    static Stream<Arguments> unanswered() {
        return Stream.of(Arguments.of("NOT_FOUND", IpoSimulator.UNLISTED_NATIONAL_ID),
                Arguments.of("PROVIDER_ERROR", IpoSimulator.FAILING_NATIONAL_ID));
    }

    /** Not on the list is NOT_FOUND; a list service that fails is PROVIDER_ERROR; both as REST answers them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unanswered")
    void answersLikeRestWhenTheListHasNoAnswer(String code, String enterpriseNationalId) {
        Answer<PrivatizationStatusReply> answer = status("IPO", enterpriseNationalId);

        assertLikeRest(answer, code, "privatization-status", "IPO", Map.of("enterpriseNationalId", enterpriseNationalId));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "abcdefghijk", ""})
    void refusesInvalidNationalIdNamingIt(String enterpriseNationalId) {
        Answer<PrivatizationStatusReply> answer = status("IPO", enterpriseNationalId);

        assertInvalidLikeRest(answer, "enterpriseNationalId", "privatization-status", "IPO",
                Map.of("enterpriseNationalId", enterpriseNationalId));
    }


    @Test
    void answersProviderTimeoutWhenTheListServiceIsSlowerThanTimeout() {
        slowProvider("IPO", SLOW_NATIONAL_ID);

        Answer<PrivatizationStatusReply> answer = status("IPO", SLOW_NATIONAL_ID);

        assertRecorded(answer, "PROVIDER_TIMEOUT", "PERMIT");
    }
}
