package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.provider.ServiceCatalog;
import org.springframework.stereotype.Component;

/** Finds the service descriptor and its adapter; an unknown service ends the exchange with 404. */
@Component
record ServiceResolution(ServiceCatalog catalog) implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        String requested = inquiry.request().service();
        catalog.entry(requested).ifPresentOrElse(
                service -> inquiry.resolved(service.descriptor(), service.adapter()),
                // Never echoed, not even a well-formed name: the detail says what is wrong, not what was sent.
                () -> inquiry.decide(OutcomeCode.UNKNOWN_SERVICE, "no such service; see GET /api/v1/services"));
    }
}
