package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import org.springframework.stereotype.Component;

/** Takes over what the channel found on arrival, then requires an identified consumer. */
@Component
class ArrivalCheck implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        InquiryRequest request = inquiry.request();
        if (request.rejection().isPresent()) {
            InquiryRequest.Rejection rejection = request.rejection().get();
            inquiry.decide(rejection.outcome(), rejection.detail());
        } else if (request.consumer().isEmpty()) {
            inquiry.decide(OutcomeCode.CONSUMER_NOT_IDENTIFIED, "the calling agency could not be identified");
        }
    }
}
