package ir.nix.core.inquiry;

import ir.nix.core.admission.Admission;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.service.ServiceDescriptor;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Carries out admission for the exchange, or refuses it with {@code BUS_SATURATED}; the refusal is rendered
 * and recorded like any other exchange, and names its service (this step runs after resolution).
 *
 * <p>HTTP channels are admitted at their door ({@code AdmissionDoor}), which holds the permit for the
 * whole HTTP exchange: here the door's verdict is only applied. Channels without a door (messaging) take
 * their permit here. An internal inquiry (a grant condition's own lookup) runs inside its parent's permit
 * and is never refused.
 */
@Component
record AdmissionCheck(Admission admission) implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        InquiryRequest request = inquiry.request();
        if (request.channel() == Channel.INTERNAL) {
            return;
        }
        switch (request.door()) {
            case ADMITTED_WITH_SHARE -> { }
            case ADMITTED -> admitForProvider(inquiry);
            case SATURATED -> refuse(inquiry);
            case PROVIDER_SATURATED -> inquiry.service().map(ServiceDescriptor::provider)
                    .ifPresentOrElse(provider -> refuseForProvider(inquiry, provider), () -> refuse(inquiry));
            case NONE -> admitHere(inquiry);
        }
    }

    private void admitHere(InquiryContext inquiry) {
        if (admission.tryAdmit()) {
            inquiry.admitted(admission::release);
            admitForProvider(inquiry);
        } else {
            refuse(inquiry);
        }
    }

    /** Within the node's permits, one provider's inquiries hold at most their share (issue 11). */
    private void admitForProvider(InquiryContext inquiry) {
        Optional<AgencyCode> provider = inquiry.service().map(ServiceDescriptor::provider);
        if (provider.isEmpty()) {
            return;
        }
        if (admission.tryAdmitFor(provider.get())) {
            inquiry.admitted(() -> admission.releaseShare(provider.get()));
        } else {
            refuseForProvider(inquiry, provider.get());
        }
    }

    private void refuseForProvider(InquiryContext inquiry, AgencyCode provider) {
        inquiry.decide(OutcomeCode.BUS_SATURATED, "this bus node already mediates its limit of " + admission.perProvider()
                + " inquiries at once for provider " + provider.value() + "; retry shortly");
        inquiry.retryAfter(admission.retryAfter());
    }

    private void refuse(InquiryContext inquiry) {
        inquiry.decide(OutcomeCode.BUS_SATURATED, "this bus node already mediates its limit of " + admission.limit()
                + " inquiries at once; retry shortly");
        inquiry.retryAfter(admission.retryAfter());
    }
}
