package ir.nix.core.inquiry;

import ir.nix.policy.GrantCondition;
import java.util.Optional;

/**
 * SPI: checks one type of grant condition for an exchange the policy engine permitted.
 * Evaluators are looked up by {@link GrantCondition#type()}; a condition with no evaluator fails
 * closed.
 */
public interface ConditionEvaluator {

    String type();

    /** @return empty when the condition holds, else the reason it does not (no request content) */
    Optional<String> unmet(GrantCondition condition, InquiryContext inquiry);
}
