package ir.nix.core.inquiry;

import ir.nix.core.admission.Admission;
import org.springframework.stereotype.Component;

/**
 * Admits the exchange to the node's bounded number of inquiries in flight, or refuses it with
 * {@code BUS_SATURATED}; the refusal is rendered and recorded like any other exchange. An internal
 * inquiry (a grant condition's own lookup) runs inside its parent's permit and is never refused.
 */
@Component
class AdmissionCheck implements InquiryStep {

    private final Admission admission;

    AdmissionCheck(Admission admission) {
        this.admission = admission;
    }

    @Override
    public void apply(InquiryContext inquiry) {
        if (inquiry.request().channel() == Channel.INTERNAL) {
            return;
        }
        if (admission.tryAdmit()) {
            inquiry.admitted(admission::release);
        } else {
            inquiry.decide(OutcomeCode.BUS_SATURATED, "this bus node already mediates its limit of " + admission.limit()
                    + " inquiries at once; retry shortly");
            inquiry.retryAfter(admission.retryAfter());
        }
    }
}
