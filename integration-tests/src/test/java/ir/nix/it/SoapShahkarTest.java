package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.core.identifier.NationalCode;
import ir.nix.it.soap.client.InquiryPort;
import ir.nix.it.soap.client.ShahkarReply;
import ir.nix.it.soap.client.ShahkarRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** SHAHKAR over SOAP, end to end, through the same pipeline, policy and traffic record as REST. */
class SoapShahkarTest extends SoapClientTest {

    static final String OWNER = "0499370899";
    static final String OWNED_MOBILE = "09121234567";
    /** Valid national code the CRA stub below answers too slowly. */
    static final String SLOW_NATIONAL_CODE = NationalCode.completing("555666777").value();

    @BeforeAll
    static void slowCra() {
        slowProvider("CRA", SLOW_NATIONAL_CODE);
    }

    static ShahkarRequest shahkar(String nationalCode, String mobile) {
        ShahkarRequest request = new ShahkarRequest();
        request.setNationalCode(nationalCode);
        request.setMobile(mobile);
        return request;
    }

    Answer<ShahkarReply> shahkarOverSoap(String consumer, String nationalCode, String mobile) {
        return soap(consumer, InquiryPort::shahkar, shahkar(nationalCode, mobile));
    }

    @Test
    void answersMatchedWhenMobileBelongsToNationalCode() {
        Answer<ShahkarReply> answer = shahkarOverSoap("MOE", OWNER, OWNED_MOBILE);

        assertThat(answer.fault()).isNull();
        assertThat(answer.reply().isMatched()).isTrue();
        assertThat(answer.reply().getTrackingId()).as("tracking ID in the reply element of the generated client")
                .isEqualTo(answer.signatureTrackingId());
        assertThat(answer.signatureTrackingId()).as("TrackingId header, an out parameter of the generated method")
                .isEqualTo(answer.trackingHeader()).isNotBlank();
        JsonNode record = assertRecorded(answer, "OK", "PERMIT");
        assertThat(record.path("service").asString()).isEqualTo("shahkar");
        assertThat(record.path("consumer").asString()).isEqualTo("MOE");
        assertThat(record.path("provider").asString()).isEqualTo("CRA");
    }

    @Test
    void answersNotMatchedWhenMobileBelongsToSomeoneElse() {
        Answer<ShahkarReply> answer = shahkarOverSoap("IHIO", OWNER, "09350000000");

        assertThat(answer.reply().isMatched()).isFalse();
        assertRecorded(answer, "OK", "PERMIT");
    }

    @Test
    void refusesInvalidNationalCodeNamingTheField() {
        Answer<ShahkarReply> answer = shahkarOverSoap("MOE", "0499370898", OWNED_MOBILE);

        assertThat(answer.fault().getMessage()).startsWith("nationalCode").doesNotContain("0499370898");
        assertRecorded(answer, "INVALID_INPUT", "NOT_REACHED");
    }

    @Test
    void refusesMissingItemNamingIt() {
        Answer<ShahkarReply> answer = shahkarOverSoap("MOE", OWNER, null);

        assertThat(answer.fault().getMessage()).isEqualTo("mobile: is required");
        assertRecorded(answer, "INVALID_INPUT", "NOT_REACHED");
    }

    @Test
    void refusesCallerThatIsNotIdentified() {
        Answer<ShahkarReply> answer = shahkarOverSoap(null, OWNER, OWNED_MOBILE);

        JsonNode record = assertRecorded(answer, "CONSUMER_NOT_IDENTIFIED", "NOT_REACHED");
        assertThat(record.path("consumer").isNull() || record.path("consumer").isMissingNode()).isTrue();
    }

    @Test
    void refusesConsumerWithoutGrant() {
        Answer<ShahkarReply> answer = shahkarOverSoap("IRCS", OWNER, OWNED_MOBILE);

        JsonNode record = assertRecorded(answer, "NO_GRANT", "DENY");
        assertThat(record.path("consumer").asString()).isEqualTo("IRCS");
    }

    @Test
    void answersProviderErrorWhenCraFails() {
        Answer<ShahkarReply> answer = shahkarOverSoap("MOE", CraSimulator.FAILING_NATIONAL_CODE, OWNED_MOBILE);

        assertRecorded(answer, "PROVIDER_ERROR", "PERMIT");
    }

    @Test
    void answersProviderTimeoutWhenCraIsSlowerThanTimeout() {
        Answer<ShahkarReply> answer = shahkarOverSoap("MOE", SLOW_NATIONAL_CODE, OWNED_MOBILE);

        assertRecorded(answer, "PROVIDER_TIMEOUT", "PERMIT");
    }

    @Test
    void keepsCallersRequestIdAndPassesOnBehalfOfToPolicy() {
        Answer<ShahkarReply> kept = soap("MOE", Map.of(REQUEST_ID, "moe-soap-7"), InquiryPort::shahkar,
                shahkar(OWNER, OWNED_MOBILE));
        Answer<ShahkarReply> relayed = soap("MOE", Map.of(ON_BEHALF_OF, "IKRF"), InquiryPort::shahkar,
                shahkar(OWNER, OWNED_MOBILE));

        assertThat(assertRecorded(kept, "OK", "PERMIT").path("callerRequestId").asString()).isEqualTo("moe-soap-7");
        assertRecorded(relayed, "REDELEGATION_FORBIDDEN", "DENY");
    }

    @Test
    void refusesUnreadableRequestId() {
        Answer<ShahkarReply> answer = soap("MOE", Map.of(REQUEST_ID, "<script>"), InquiryPort::shahkar,
                shahkar(OWNER, OWNED_MOBILE));

        assertThat(answer.fault().getMessage()).startsWith("RequestId:");
        assertRecorded(answer, "INVALID_INPUT", "NOT_REACHED");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(nullValues = "null", value = {
            "MOE,  0499370899, 09121234567",
            "IHIO, 0499370899, 09350000000",
            "MOE,  0499370898, 09121234567",
            "null, 0499370899, 09121234567",
            "IRCS, 0499370899, 09121234567",
            "CBI,  0499370899, 09121234567",
            "MOE,  4411223341, 09121234567"})
    void answersWithTheSameOutcomeAsRest(String consumer, String nationalCode, String mobile) {
        Answer<ShahkarReply> soap = shahkarOverSoap(consumer, nationalCode, mobile);
        String json = "{\"nationalCode\":\"" + nationalCode + "\",\"mobile\":\"" + mobile + "\"}";
        String rest = consumer == null
                ? post("/api/v1/inquiries/shahkar", Map.of("Content-Type", "application/json"), json).body().path("code")
                        .asString()
                : restCode("shahkar", consumer, json);

        assertThat(soap.code()).isEqualTo(rest);
        assertRecorded(soap, rest, trafficRecord(soap.trackingId()).path("decision").asString());
    }
}
