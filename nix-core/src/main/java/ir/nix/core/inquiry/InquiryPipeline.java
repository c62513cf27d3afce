package ir.nix.core.inquiry;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The entry every channel calls: runs an inquiry through the mediation route and returns its reply. */
@Component
public class InquiryPipeline {

    private final ProducerTemplate producer;

    InquiryPipeline(ProducerTemplate producer) {
        this.producer = producer;
    }

    public InquiryReply handle(InquiryRequest request) {
        InquiryContext inquiry = new InquiryContext(request);
        producer.sendBody(InquiryPipelineRoute.ENTRY, inquiry);
        return inquiry.reply().orElseGet(inquiry::toReply);
    }
}
