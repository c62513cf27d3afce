package ir.nix.core.inquiry;

/** Renders a reply in a channel's wire format; the pipeline records the size of what it returns. */
@FunctionalInterface
public interface ReplyEncoder {

    byte[] encode(InquiryReply reply);

    /** For channels whose framework writes the reply itself (CXF): nothing is pre-rendered. */
    ReplyEncoder NONE = reply -> new byte[0];
}
