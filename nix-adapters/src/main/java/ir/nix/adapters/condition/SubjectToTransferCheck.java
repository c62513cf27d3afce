package ir.nix.adapters.condition;

import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.inquiry.ConditionEvaluator;
import ir.nix.core.inquiry.InquiryContext;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.inquiry.ReplyEncoder;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.policy.GrantCondition;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 26th-session resolution: SSO answers the Privatization Organization's insurance-list inquiry only
 * when the enterprise is, at the time of the request, on the privatization list as subject to
 * transfer.
 *
 * <p>The bus checks this itself, by an inquiry of its own to {@code privatization-status} through the
 * same pipeline: policy, provider call and traffic record included. That exchange is recorded with
 * channel {@code INTERNAL} and the parent's tracking ID. It is made on behalf of the provider of the
 * conditioned service (SSO), the party whose answer the resolution makes conditional, so a grant for
 * SSO on the privatization list is required. Any failure to check fails closed.
 */
@Component
class SubjectToTransferCheck implements ConditionEvaluator {

    static final String LIST_SERVICE = "privatization-status";
    static final String LIST_INPUT = "enterpriseNationalId";
    static final String SUBJECT_TO_TRANSFER = "SUBJECT_TO_TRANSFER";

    private final InquiryPipeline pipeline;

    SubjectToTransferCheck(InquiryPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public String type() {
        return GrantCondition.EnterpriseSubjectToTransfer.TYPE;
    }

    @Override
    public Optional<String> unmet(GrantCondition condition, InquiryContext inquiry) {
        String field = ((GrantCondition.EnterpriseSubjectToTransfer) condition).inputField();
        Optional<Object> enterprise = inquiry.input().flatMap(input -> input.find(field, Object.class));
        if (enterprise.isEmpty()) {
            return Optional.of("the request carries no '" + field + "' to check against the privatization list");
        }
        InquiryReply listed = pipeline.handle(listInquiry(inquiry, enterprise.get()));
        return verdict(listed);
    }

    private static InquiryRequest listInquiry(InquiryContext inquiry, Object enterprise) {
        ServiceDescriptor conditioned = inquiry.service().orElseThrow();
        String enterpriseId = enterprise instanceof LegalEntityId id ? id.value() : enterprise.toString();
        return InquiryRequest.builder(Channel.INTERNAL, LIST_SERVICE, ReplyEncoder.NONE)
                .consumer(Optional.of(conditioned.provider()))
                .fields(Map.of(LIST_INPUT, enterpriseId))
                .parent(Optional.of(inquiry.request().trackingId()))
                .build();
    }

    private static Optional<String> verdict(InquiryReply listed) {
        if (listed.outcome() == OutcomeCode.NOT_FOUND) {
            return Optional.of("the enterprise is not on the privatization list (check " + listed.trackingId() + ")");
        }
        if (!listed.isSuccess()) {
            return Optional.of("the privatization list could not be checked: " + listed.outcome()
                    + " (check " + listed.trackingId() + ")");
        }
        Object status = listed.data().get("status");
        if (status == null) {
            return Optional.of("the grant for checking the privatization list does not include its 'status' item");
        }
        if (listed.data().get("lastExitDate") != null) {
            return Optional.of("the enterprise has exited the privatization list (check " + listed.trackingId() + ")");
        }
        if (!SUBJECT_TO_TRANSFER.equals(status)) {
            return Optional.of("the enterprise is on the privatization list as " + status
                    + ", not as subject to transfer (check " + listed.trackingId() + ")");
        }
        return Optional.empty();
    }
}
