package ir.nix.core.ingress.rest;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.tracking.TrackingId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The REST channel's problem document is Spring's ProblemDetail, written flat as RFC 9457 has it. */
class RestReplyEncoderTest {

    final JsonMapper json = JsonMapper.builder().build();
    final RestReplyEncoder encoder = new RestReplyEncoder(json);

    @Test
    void writesAProblemWithCodeAndTrackingIdAtTheTopLevel() {
        TrackingId trackingId = TrackingId.next();
        InquiryReply refused = new InquiryReply(trackingId, OutcomeCode.QUOTA_EXCEEDED, Optional.empty(), Optional.empty(),
                Map.of(), "daily quota of grant 'moe-shahkar' is used up", Optional.of(Duration.ofSeconds(30)), null);

        JsonNode problem = json.readTree(encoder.encode(refused));

        assertThat(problem.path("type").asString()).isEqualTo("urn:nix:problem:quota-exceeded");
        assertThat(problem.path("title").asString()).isEqualTo(OutcomeCode.QUOTA_EXCEEDED.title());
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asString()).isEqualTo("daily quota of grant 'moe-shahkar' is used up");
        assertThat(problem.path("code").asString()).isEqualTo("QUOTA_EXCEEDED");
        assertThat(problem.path("trackingId").asString()).isEqualTo(trackingId.toString());
        assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(30);
        assertThat(problem.has("properties")).isFalse();
        assertThat(problem.has("instance")).isFalse();
    }
}
