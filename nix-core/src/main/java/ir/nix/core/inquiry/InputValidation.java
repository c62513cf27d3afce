package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.service.InputCheck;
import ir.nix.core.service.InputValidator;
import org.springframework.stereotype.Component;

/** Validates the inputs against the service's schema before any policy or provider step. */
@Component
class InputValidation implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        InputCheck check = InputValidator.check(inquiry.service().orElseThrow(), inquiry.request().fields());
        if (check instanceof InputCheck.FieldError error) {
            inquiry.decide(OutcomeCode.INVALID_INPUT, error.detail());
        } else {
            inquiry.validated(((InputCheck.Valid) check).input());
        }
    }
}
