package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.hub.HubProperties;
import ir.nix.core.hub.NationalHub;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * On a cluster hub (003 Art. 32), an inquiry for a service the hub does not host goes on to the national hub,
 * after this hub has identified the consumer, admitted and validated it. The national hub decides the policy
 * (no grant, no data), minimises and records; this hub passes its reply or problem on and records the exchange
 * as {@link PolicyVerdict#FORWARDED}, under its own tracking ID, which the national hub's record carries as
 * its parent.
 */
@Component
record HubForwarding(HubProperties hub, NationalHub national, JsonMapper json) implements InquiryStep {

    private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
    };
    private static final Duration RETRY_UNREACHABLE = Duration.ofSeconds(5);

    @Override
    public void apply(InquiryContext inquiry) {
        var service = inquiry.service().orElseThrow();
        if (!hub.forwards(service.code().value())) {
            return;
        }
        InquiryRequest request = inquiry.request();
        inquiry.forwardedToNationalHub();
        Instant forwarded = Instant.now();
        long start = System.nanoTime();
        NationalHub.Reply reply;
        try {
            reply = national.forward(service.code().value(), request.consumer().orElseThrow().value(),
                    request.trackingId().toString(), request.onBehalfOf(), request.fields(), hub.national().timeout());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            inquiry.decide(OutcomeCode.PROVIDER_UNAVAILABLE, "the national hub was not asked: the node is stopping");
            return;
        }
        long elapsed = System.nanoTime() - start;
        if (reply instanceof NationalHub.Reply.Answered answered) {
            inquiry.providerCalled(forwarded, forwarded.plusNanos(elapsed), elapsed);
            settle(inquiry, answered);
        } else if (reply instanceof NationalHub.Reply.TimedOut) {
            inquiry.decide(OutcomeCode.PROVIDER_TIMEOUT, "the national hub did not answer within "
                    + hub.national().timeout().toMillis() + " ms");
        } else {
            inquiry.retryAfter(RETRY_UNREACHABLE);
            inquiry.decide(OutcomeCode.PROVIDER_UNAVAILABLE, "the national hub is unreachable");
        }
    }

    private void settle(InquiryContext inquiry, NationalHub.Reply.Answered reply) {
        JsonNode body;
        try {
            body = json.readTree(reply.body());
        } catch (JacksonException unreadable) {
            inquiry.decide(OutcomeCode.PROVIDER_ERROR, "the national hub's reply could not be read");
            return;
        }
        if (reply.status() == 200 && body.path("data").isObject()) {
            inquiry.answer(json.convertValue(body.path("data"), DATA));
            return;
        }
        // The national hub's problem, passed on: its code and detail name what is wrong (never content, rule 4).
        Optional<OutcomeCode> code = passedOn(body.path("code").asString(""));
        reply.retryAfter().flatMap(HubForwarding::seconds).ifPresent(inquiry::retryAfter);
        inquiry.decide(code.orElse(OutcomeCode.PROVIDER_ERROR), code.isPresent()
                ? "national hub: " + body.path("detail").asString("")
                : "the national hub answered " + reply.status() + " without a known problem code");
    }

    /** The national hub's outcome, unless it says this hub was not identified or it failed itself. */
    private static Optional<OutcomeCode> passedOn(String code) {
        return Arrays.stream(OutcomeCode.values()).filter(known -> known.name().equals(code))
                .filter(known -> known != OutcomeCode.OK && known != OutcomeCode.CONSUMER_NOT_IDENTIFIED
                        && known != OutcomeCode.INTERNAL_ERROR)
                .findFirst();
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
