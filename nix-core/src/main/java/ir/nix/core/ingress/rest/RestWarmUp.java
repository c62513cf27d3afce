package ir.nix.core.ingress.rest;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.readiness.WarmUp;
import ir.nix.core.service.InputValidator;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.tracking.TrackingId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Warms the REST channel's own work on every service's synthetic example: the JSON reader, the input
 * validator, and the reply encoder for a success envelope and a problem document. Nothing is sent or recorded.
 */
@Component
record RestWarmUp(ServiceCatalog catalog, JsonFields fields, RestReplyEncoder encoder, JsonMapper json)
                  implements WarmUp {

    @Override
    public String name() {
        return "rest-ingress";
    }

    @Override
    public void warm() {
        for (ServiceDescriptor service : catalog.descriptors()) {
            JsonFields.Result read = fields.read(json.writeValueAsBytes(service.example().request()));
            InputValidator.check(service, read.fields());
            encoder.encode(reply(service, OutcomeCode.OK, Map.of()));
            encoder.encode(reply(service, OutcomeCode.BUS_SATURATED, Map.of()));
        }
    }

    private static InquiryReply reply(ServiceDescriptor service, OutcomeCode outcome, Map<String, Object> data) {
        return new InquiryReply(TrackingId.next(), outcome, Optional.of(service.code()), Optional.of(service.provider()),
                data, "warm-up", Optional.of(Duration.ofSeconds(1)), new byte[0]);
    }
}
