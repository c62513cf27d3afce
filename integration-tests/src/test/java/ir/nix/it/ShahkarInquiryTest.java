package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.adapters.simulator.CraSimulator;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** SHAHKAR over real HTTP, end to end: bus → WireMock CRA → minimised reply → one traffic record. */
class ShahkarInquiryTest extends BusUnderTest {

    static final String OWNER = "0499370899";
    static final String OWNED_MOBILE = "09121234567";
    /** Valid national code the CRA stub below answers too slowly. */
    static final String SLOW_NATIONAL_CODE = "3710020034";

    @BeforeAll
    static void slowCra() {
        PROVIDERS.stubFor(WireMock.post(urlPathEqualTo("/cra/shahkar/v2/verify")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.identificationNo", equalTo(SLOW_NATIONAL_CODE)))
                .willReturn(aResponse().withFixedDelay((int) PROVIDER_TIMEOUT.toMillis() * 3)
                        .withHeader("Content-Type", "application/json").withBody("{\"response\":200,\"result\":\"OK\"}")));
    }

    private static String shahkar(String nationalCode, String mobile) {
        return "{\"nationalCode\":\"" + nationalCode + "\",\"mobile\":\"" + mobile + "\"}";
    }

    @Test
    void answersMatchedWhenMobileBelongsToNationalCode() {
        Reply reply = inquire("shahkar", "MOE", shahkar(OWNER, OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body().path("data").path("matched").asBoolean(false)).isTrue();
        assertThat(reply.body().path("service").asString()).isEqualTo("shahkar");
        assertThat(reply.body().path("provider").asString()).isEqualTo("CRA");
        assertThat(reply.body().path("trackingId").asString()).isEqualTo(reply.trackingHeader()).isNotBlank();
        assertRecorded(reply, "OK", 200, "PERMIT");
    }

    @Test
    void normalisesInternationalMobileForms() {
        Reply reply = inquire("shahkar", "IHIO", shahkar(OWNER, "+98 912 123 4567"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("data").path("matched").asBoolean(false)).isTrue();
    }

    @Test
    void answersNotMatchedWhenMobileBelongsToSomeoneElse() {
        Reply reply = inquire("shahkar", "IHIO", shahkar(OWNER, "09350000000"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("data").path("matched").asBoolean(true)).isFalse();
        assertThat(reply.body().path("data").properties()).hasSize(1);
        assertRecorded(reply, "OK", 200, "PERMIT");
    }

    @Test
    void refusesInvalidNationalCodeNamingTheField() {
        Reply reply = inquire("shahkar", "MOE", shahkar("0499370898", OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(reply.body().path("detail").asString()).contains("nationalCode");
        assertThat(reply.raw()).doesNotContain("0499370898").doesNotContain(OWNED_MOBILE);
        assertThat(reply.body().path("trackingId").asString()).isEqualTo(reply.trackingHeader());
        assertRecorded(reply, "INVALID_INPUT", 400, "NOT_REACHED");
    }

    @Test
    void refusesInvalidMobileNamingTheField() {
        Reply reply = inquire("shahkar", "MOE", shahkar(OWNER, "0912123"));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("detail").asString()).startsWith("mobile");
    }

    @Test
    void refusesCallerThatIsNotIdentified() {
        Reply reply = post("/api/v1/inquiries/shahkar", Map.of("Content-Type", "application/json"), shahkar(OWNER, OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.body().path("code").asString()).isEqualTo("CONSUMER_NOT_IDENTIFIED");
        assertRecorded(reply, "CONSUMER_NOT_IDENTIFIED", 401, "NOT_REACHED");
    }

    @Test
    void refusesConsumerWithoutGrant() {
        Reply reply = inquire("shahkar", "IRCS", shahkar(OWNER, OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body().path("code").asString()).isEqualTo("NO_GRANT");
        JsonNode record = assertRecorded(reply, "NO_GRANT", 403, "DENY");
        assertThat(record.path("consumer").asString()).isEqualTo("IRCS");
    }

    @Test
    void answersBadGatewayWhenProviderFails() {
        Reply reply = inquire("shahkar", "MOE", shahkar(CraSimulator.FAILING_NATIONAL_CODE, OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(502);
        assertThat(reply.body().path("code").asString()).isEqualTo("PROVIDER_ERROR");
        assertRecorded(reply, "PROVIDER_ERROR", 502, "PERMIT");
    }

    @Test
    void answersGatewayTimeoutWhenProviderIsSlowerThanTimeout() {
        Reply reply = inquire("shahkar", "MOE", shahkar(SLOW_NATIONAL_CODE, OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(504);
        assertThat(reply.body().path("code").asString()).isEqualTo("PROVIDER_TIMEOUT");
        assertRecorded(reply, "PROVIDER_TIMEOUT", 504, "PERMIT");
    }

    @Test
    void refusesUnknownServiceWithTrackingId() {
        Reply reply = inquire("horoscope", "MOE", "{}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().path("code").asString()).isEqualTo("UNKNOWN_SERVICE");
        assertRecorded(reply, "UNKNOWN_SERVICE", 404, "NOT_REACHED");
    }

    @Test
    void refusesMalformedJsonWithoutEchoingIt() {
        Reply reply = inquire("shahkar", "MOE", "{\"nationalCode\": \"0499370899\", ");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(reply.raw()).doesNotContain(OWNER);
        assertRecorded(reply, "MALFORMED_REQUEST", 400, "NOT_REACHED");
    }

    @Test
    void refusesWrongMediaType() {
        Reply reply = post("/api/v1/inquiries/shahkar", Map.of("Content-Type", "text/plain", "X-NIX-Consumer", "MOE"),
                "nationalCode=" + OWNER);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.body().path("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertRecorded(reply, "UNSUPPORTED_MEDIA_TYPE", 415, "NOT_REACHED");
    }

    @Test
    void refusesOversizedBody() {
        Reply reply = inquire("shahkar", "MOE", "{\"pad\":\"" + "x".repeat(70_000) + "\"}");

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.body().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertRecorded(reply, "PAYLOAD_TOO_LARGE", 413, "NOT_REACHED");
    }

    @Test
    void keepsCallersRequestIdInTheRecord() {
        Reply reply = post("/api/v1/inquiries/shahkar", Map.of("Content-Type", "application/json",
                "X-NIX-Consumer", "MOE", "X-Request-Id", "moe-subsidy-42"), shahkar(OWNER, OWNED_MOBILE));

        JsonNode record = assertRecorded(reply, "OK", 200, "PERMIT");
        assertThat(record.path("callerRequestId").asString()).isEqualTo("moe-subsidy-42");
    }

    @Test
    void refusesARequestIdThatCarriesTheSubjectsNationalCode() {
        Reply reply = post("/api/v1/inquiries/shahkar", Map.of("Content-Type", "application/json",
                "X-NIX-Consumer", "MOE", "X-Request-Id", "moe-" + OWNER), shahkar(OWNER, OWNED_MOBILE));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("detail").asString()).startsWith("X-Request-Id");
        assertThat(reply.raw()).doesNotContain(OWNER);
        JsonNode record = assertRecorded(reply, "INVALID_INPUT", 400, "NOT_REACHED");
        assertThat(record.path("callerRequestId").isNull()).isTrue();
    }

    @Test
    void givesEveryExchangeItsOwnTrackingId() {
        Reply first = inquire("shahkar", "MOE", shahkar(OWNER, OWNED_MOBILE));
        Reply second = inquire("shahkar", "MOE", shahkar(OWNER, OWNED_MOBILE));

        assertThat(first.trackingHeader()).isNotEqualTo(second.trackingHeader());
    }
}
