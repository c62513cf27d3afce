package ir.nix.core.inquiry;

import ir.nix.policy.Decision;
import ir.nix.policy.ReplyMinimiser;
import org.springframework.stereotype.Component;

/**
 * The reply carries only the granted data items: anything else the provider sent is dropped here,
 * per element for nested lists (insurance-list {@code persons}).
 */
@Component
class ReplyMinimisation implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        inquiry.answer(ReplyMinimiser.minimise(inquiry.data(), (Decision.Permit) inquiry.decision().orElseThrow()));
    }
}
