package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.policy.Decision;
import ir.nix.policy.GrantCondition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Checks the conditions a permit carries; the first unmet one refuses with CONDITION_FAILED. */
@Component
class ConditionCheck implements InquiryStep {

    private final Map<String, ConditionEvaluator> evaluators;

    ConditionCheck(List<ConditionEvaluator> evaluators) {
        this.evaluators = evaluators.stream().collect(Collectors.toMap(ConditionEvaluator::type, Function.identity()));
    }

    @Override
    public void apply(InquiryContext inquiry) {
        Decision.Permit permit = (Decision.Permit) inquiry.decision().orElseThrow();
        for (GrantCondition condition : permit.conditions()) {
            Optional<String> unmet = evaluate(condition, inquiry);
            if (unmet.isPresent()) {
                inquiry.decide(OutcomeCode.CONDITION_FAILED, unmet.get());
                return;
            }
        }
    }

    private Optional<String> evaluate(GrantCondition condition, InquiryContext inquiry) {
        ConditionEvaluator evaluator = evaluators.get(condition.type());
        if (evaluator == null) {
            return Optional.of("condition '" + condition.type() + "' cannot be checked by this bus");
        }
        return evaluator.unmet(condition, inquiry);
    }
}
