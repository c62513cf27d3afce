package ir.nix.core.ingress.rest;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.ReplyEncoder;
import ir.nix.core.service.ServiceCode;
import java.util.LinkedHashMap;
import java.util.Map;
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
        this.json = json;
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

    static Map<String, Object> problem(InquiryReply reply) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", reply.outcome().problemType());
        body.put("title", reply.outcome().title());
        body.put("status", reply.outcome().httpStatus());
        body.put("detail", reply.detail());
        body.put("code", reply.outcome().name());
        body.put("trackingId", reply.trackingId().toString());
        reply.retryAfterSeconds().ifPresent(seconds -> body.put("retryAfterSeconds", seconds));
        return body;
    }
}
