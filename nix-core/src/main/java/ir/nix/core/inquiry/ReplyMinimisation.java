package ir.nix.core.inquiry;

import ir.nix.policy.Decision;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The reply carries only the granted data items: anything else the provider sent is dropped here. */
@Component
class ReplyMinimisation implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        Decision.Permit permit = (Decision.Permit) inquiry.decision().orElseThrow();
        Map<String, Object> granted = new LinkedHashMap<>();
        inquiry.data().forEach((item, value) -> {
            if (permit.dataItems().contains(item)) {
                granted.put(item, value);
            }
        });
        inquiry.answer(granted);
    }
}
