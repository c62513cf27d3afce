package ir.nix.core.ingress.soap;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.readiness.WarmUp;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.tracking.TrackingId;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Warms the SOAP channel's XML work: every service's reply element and the fault detail are written once.
 * Nothing is sent or recorded.
 */
@Component
record SoapWarmUp(ServiceCatalog catalog, ContractDocuments documents) implements WarmUp {

    @Override
    public String name() {
        return "soap-ingress";
    }

    @Override
    public void warm() {
        for (ServiceDescriptor service : catalog.descriptors()) {
            SoapReplyEncoder encoder = new SoapReplyEncoder(documents, service);
            encoder.encode(reply(service, OutcomeCode.OK));
            encoder.encode(reply(service, OutcomeCode.BUS_SATURATED));
        }
    }

    private static InquiryReply reply(ServiceDescriptor service, OutcomeCode outcome) {
        return new InquiryReply(TrackingId.next(), outcome, Optional.of(service.code()), Optional.of(service.provider()),
                Map.of(), "warm-up", Optional.empty(), new byte[0]);
    }
}
