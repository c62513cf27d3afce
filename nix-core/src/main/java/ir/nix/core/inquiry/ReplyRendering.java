package ir.nix.core.inquiry;

import org.springframework.stereotype.Component;

/** Renders the reply in the channel's format, so the record holds the size that actually leaves. */
@Component
class ReplyRendering implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        InquiryReply reply = inquiry.toReply();
        inquiry.replied(reply.withEncoded(inquiry.request().encoder().encode(reply)));
    }

    @Override
    public boolean runsAfterDecision() {
        return true;
    }
}
