package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.PolicyDecisionPoint;
import org.springframework.stereotype.Component;

/** No grant, no data: asks the policy decision point, and refuses on a denial. */
@Component
record PolicyEnforcement(PolicyDecisionPoint policy) implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        InquiryRequest request = inquiry.request();
        var service = inquiry.service().orElseThrow();
        Decision decision = policy.decide(new DecisionRequest(request.consumer().orElseThrow().value(),
                service.code().value(), service.provider().value(), request.onBehalfOf(), request.receivedAt()));
        inquiry.decidedBy(decision);
        if (decision instanceof Decision.Deny deny) {
            deny.retryAfter().ifPresent(inquiry::retryAfter);
            inquiry.decide(OutcomeCode.of(deny.reason()), deny.detail());
        }
    }
}
