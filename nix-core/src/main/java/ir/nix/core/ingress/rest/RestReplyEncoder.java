package ir.nix.core.ingress.rest;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.ProblemResponse;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.ReplyEncoder;
import ir.nix.core.service.ServiceCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders replies for the REST channel: the success envelope of the v1 contract, or an RFC 9457
 * problem document carrying {@code code} and {@code trackingId}.
 */
@Component
public class RestReplyEncoder implements ReplyEncoder {

    private final JsonMapper json;

    RestReplyEncoder(JsonMapper json) {
        // Spring's mixin writes a ProblemDetail's properties at the top level, as its message converter does.
        this.json = json.rebuild().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    }

    @Override
    public byte[] encode(InquiryReply reply) {
        return json.writeValueAsBytes(reply.isSuccess() ? success(reply) : problem(reply));
    }

    private static Map<String, Object> success(InquiryReply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("trackingId", reply.trackingId().toString());
        body.put("service", reply.service().map(ServiceCode::value).orElse(null));
        body.put("provider", reply.provider().map(AgencyCode::value).orElse(null));
        body.put("data", reply.data());
        return body;
    }

    /** The RFC 9457 document of a refused or failed inquiry, from the one problem factory of the bus's HTTP APIs. */
    static ProblemDetail problem(InquiryReply reply) {
        ProblemDetail problem = ProblemResponse.problem(HttpStatus.valueOf(reply.outcome().httpStatus()), reply.outcome().name(),
                reply.detail());
        problem.setTitle(reply.outcome().title());
        problem.setProperty("trackingId", reply.trackingId().toString());
        reply.retryAfterSeconds().ifPresent(seconds -> problem.setProperty("retryAfterSeconds", seconds));
        return problem;
    }
}
