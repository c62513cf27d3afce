package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Who looked me up": records carry a keyed token of the data subject, never the identifier; an
 * officer's lookup by identifier finds the exchanges, the stored token alone reveals nothing.
 */
class SubjectLookupTest extends BusUnderTest {

    private static final String SUBJECT = "2876543214";
    private static final String SHAHKAR = "{\"nationalCode\":\"" + SUBJECT + "\",\"mobile\":\"09191002030\"}";

    @Test
    void findsEveryAgencyThatAskedAboutASubject() {
        List<String> asked = new ArrayList<>();
        asked.add(inquire("shahkar", "MOE", SHAHKAR).trackingHeader());
        asked.add(inquire("shahkar", "IHIO", SHAHKAR).trackingHeader());
        asked.add(inquire("shahkar", "IRCS", SHAHKAR).trackingHeader());  // refused, still an exchange about the subject
        asked.forEach(this::trafficRecord);

        JsonNode found = lookup("{\"nationalCode\":\"" + SUBJECT + "\"}").body();

        List<String> trackingIds = new ArrayList<>();
        found.path("exchanges").forEach(exchange -> trackingIds.add(exchange.path("trackingId").asString()));
        assertThat(trackingIds).containsAll(asked);
        List<String> consumers = new ArrayList<>();
        found.path("exchanges").forEach(exchange -> consumers.add(exchange.path("consumer").asString()));
        assertThat(consumers).contains("MOE", "IHIO", "IRCS");
    }

    @Test
    void storesATokenThatDoesNotContainTheIdentifier() {
        String trackingId = inquire("shahkar", "MOE", SHAHKAR).trackingHeader();

        String token = trafficRecord(trackingId).path("subjectToken").asString();

        assertThat(token).matches("\\d{4}-\\d{2}\\.[0-9a-f]{32}").doesNotContain(SUBJECT);
    }

    @Test
    void findsNothingForASubjectNobodyAskedAbout() {
        Reply reply = lookup("{\"nationalCode\":\"9182736456\"}");  // used by no other test

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("count").asInt()).isZero();
    }

    @Test
    void refusesAnInvalidIdentifierWithoutEchoingIt() {
        Reply reply = lookup("{\"nationalCode\":\"2876543215\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().path("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(reply.raw()).doesNotContain("2876543215");
    }

    private Reply lookup(String body) {
        return post("/api/v1/traffic/subject-lookup", Map.of("Content-Type", "application/json", "X-NIX-Role", "AUDITOR"), body);
    }
}
