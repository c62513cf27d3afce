package ir.nix.core.ingress.soap;

import ir.nix.core.inquiry.InquiryReply;

/**
 * The pipeline refused an inquiry: the reply it answered, on its way to {@link SoapFaultTranslation},
 * which writes the contract's {@code InquiryFault}. Carries no stack trace: it is an outcome, not a failure.
 */
final class InquiryRefusal extends RuntimeException {

    private final transient InquiryReply reply;

    InquiryRefusal(InquiryReply reply) {
        super(reply.detail(), null, false, false);
        this.reply = reply;
    }

    InquiryReply reply() {
        return reply;
    }
}
