package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the container and the framework refuse before a channel sees a request is answered like
 * every other refusal: an RFC 9457 problem with a tracking ID, never Tomcat's HTML page, never the path,
 * and recorded like every other exchange (rule 3): channel {@code PERIMETER}, outcome
 * {@code PERIMETER_REJECTED}, the status and a reason code, nothing of the request.
 */
class PerimeterTest extends BusUnderTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    static void assertProblem(RawHttp.Reply reply, int status) {
        assertThat(reply.hung()).as("the bus answered in time").isFalse();
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("trackingId").asString()).isNotBlank().isEqualTo(reply.header("X-NIX-Tracking-Id"));
        assertThat(problem.path("code").asString()).isNotBlank();
        assertThat(problem.has("instance")).isFalse();
        assertThat(reply.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("<html");
        assertThat(reply.header("Server")).isNull();
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    /** The refusal's one record (the store keys records by tracking ID), holding codes and sizes only. */
    JsonNode assertPerimeterRecord(RawHttp.Reply reply, String reason, String... absent) {
        return assertPerimeterRecord(reply, List.of(reason), absent);
    }

    JsonNode assertPerimeterRecord(RawHttp.Reply reply, List<String> reasons, String... absent) {
        JsonNode record = trafficRecord(reply.header("X-NIX-Tracking-Id"));
        assertThat(record.path("trackingId").asString()).isEqualTo(reply.header("X-NIX-Tracking-Id"));
        assertThat(record.path("channel").asString()).isEqualTo("PERIMETER");
        assertThat(record.path("outcome").asString()).isEqualTo("PERIMETER_REJECTED");
        assertThat(record.path("decision").asString()).isEqualTo("NOT_REACHED");
        assertThat(record.path("status").asInt()).isEqualTo(reply.status());
        assertThat(record.path("reason").asString()).isIn(reasons);
        assertThat(record.path("consumer").isNull()).as("no header names the consumer of a refused request").isTrue();
        assertThat(record.path("callerRequestId").isNull()).isTrue();
        if (absent.length > 0) {
            assertThat(record.toString()).doesNotContain(absent);
        }
        return record;
    }

    private RawHttp.Reply raw(String target) {
        return RawHttp.send(port, RawHttp.request("GET", target, Map.of(), null));
    }

    @Test
    void answersOversizeHeadersWithAProblem() {
        for (int size : new int[] {9 * 1024, 100 * 1024}) {
            RawHttp.Reply reply = RawHttp.send(port, RawHttp.request("POST", "/api/v1/inquiries/shahkar",
                    Map.of("Content-Type", "application/json", "X-NIX-Consumer", "MOE", "X-Padding", "a".repeat(size)),
                    SHAHKAR.getBytes(StandardCharsets.UTF_8)));

            assertProblem(reply, 400);
            assertPerimeterRecord(reply, "HEADERS_TOO_LARGE", "aaaaaaaa", "MOE");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/inquiries/..%2f..%2factuator", "/api/v1/inquiries/%2e%2e/%2e%2e/actuator/env",
            "/api/v1/inquiries/shahkar%00", "/api/v1/inquiries/%c0%afetc", "/api/v1/inquiries/%zz",
            "/api/v1/inquiries/%e0%80%afx", "/api/v1/inquiries/sh%5cahkar"})
    void answersMalformedPathsWithAProblemNotEchoingThem(String target) {
        RawHttp.Reply reply = RawHttp.send(port, RawHttp.request("POST", target,
                Map.of("Content-Type", "application/json", "X-NIX-Consumer", "MOE"), SHAHKAR.getBytes(StandardCharsets.UTF_8)));

        assertThat(reply.status()).isBetween(400, 499);
        assertProblem(reply, reply.status());
        assertThat(reply.body()).doesNotContain("actuator", "etc", "%");
        // Tomcat names a URI it refuses (BAD_PATH); one it decodes and normalises reaches routing (UNKNOWN_PATH).
        assertPerimeterRecord(reply, List.of("BAD_PATH", JSON.readTree(reply.body()).path("code").asString()),
                "actuator", "etc", "%", "inquiries");
    }

    @Test
    void answersUnknownPathsAndWrongMethodsWithAProblem() {
        RawHttp.Reply unknown = raw("/no/such/path-marker");
        RawHttp.Reply wrongMethod = raw("/api/v1/inquiries/shahkar");
        RawHttp.Reply error = raw("/error");

        assertProblem(unknown, 404);
        assertThat(unknown.body()).doesNotContain("path-marker");
        assertProblem(wrongMethod, 405);
        assertThat(wrongMethod.header("Allow")).contains("POST");
        assertProblem(error, 404);
        assertPerimeterRecord(unknown, "UNKNOWN_PATH", "path-marker");
        assertPerimeterRecord(wrongMethod, "METHOD_NOT_ALLOWED", "shahkar");
        assertPerimeterRecord(error, "UNKNOWN_PATH");
    }

    private RawHttp.Reply soap(String envelope) {
        return RawHttp.send(port, RawHttp.request("POST", "/soap/inquiry", Map.of("Content-Type", "text/xml; charset=utf-8",
                "X-NIX-Consumer", "MOE"), envelope.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String SHAHKAR_REQUEST = "<n:ShahkarRequest xmlns:n=\"urn:ir:nix:inquiry:v1\"><n:nationalCode>0499370899"
            + "</n:nationalCode><n:mobile>09121234567</n:mobile></n:ShahkarRequest>";

    @Test
    void answersASoap12EnvelopeWithVersionMismatch() {
        RawHttp.Reply reply = soap("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\"><env:Body>"
                + SHAHKAR_REQUEST + "</env:Body></env:Envelope>");

        assertSoapFault(reply, "VersionMismatch");
    }

    @Test
    void answersAnUnderstoodNotHeaderWithMustUnderstand() {
        RawHttp.Reply reply = soap("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Header>"
                + "<x:Secret xmlns:x=\"urn:elsewhere\" soap:mustUnderstand=\"1\">s</x:Secret></soap:Header><soap:Body>"
                + SHAHKAR_REQUEST + "</soap:Body></soap:Envelope>");

        assertSoapFault(reply, "MustUnderstand");
    }

    private static void assertSoapFault(RawHttp.Reply reply, String faultCode) {
        assertThat(reply.hung()).isFalse();
        assertThat(reply.body()).contains("Fault>").contains(faultCode);
        String tracking = reply.header("X-NIX-Tracking-Id");
        assertThat(tracking).isNotBlank();
        assertThat(reply.body()).contains("<trackingId>" + tracking + "</trackingId>");
    }

    @Test
    void marksInquiryRepliesUncacheableAndTheDashboardUnframeable() {
        RawHttp.Reply inquiry = RawHttp.send(port, RawHttp.request("POST", "/api/v1/inquiries/shahkar",
                Map.of("Content-Type", "application/json", "X-NIX-Consumer", "MOE"), SHAHKAR.getBytes(StandardCharsets.UTF_8)));
        RawHttp.Reply dashboard = raw("/");

        assertThat(inquiry.header("Cache-Control")).isEqualTo("no-store");
        assertThat(inquiry.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(inquiry.header("Server")).isNull();
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(dashboard.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
