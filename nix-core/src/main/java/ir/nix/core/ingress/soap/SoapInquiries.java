package ir.nix.core.ingress.soap;

import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.ingress.CallerReferences;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.service.ServiceDescriptor;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.headers.Header;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.service.model.BindingOperationInfo;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;

/**
 * The SOAP channel's door into the inquiry pipeline, the same pipeline, policy and traffic record
 * as REST: builds the {@link InquiryRequest} from the arrival facts, the SOAP headers and the
 * request element, and turns the reply into the operation's reply element or an {@link InquiryRefusal}.
 */
@Component
record SoapInquiries(InquiryPipeline pipeline, ContractDocuments documents, SoapOperations operations) {

    /** Exchange key of the tracking ID, for the TrackingId header of the reply or fault. */
    static final String TRACKING_ID = "nix.trackingId";
    /** Exchange key of the seconds a refused caller should wait, for the Retry-After HTTP header. */
    static final String RETRY_AFTER = "nix.retryAfter";
    /** Exchange key set once an operation has handed its request to the pipeline. */
    private static final String HANDED_OVER = "nix.handedOver";

    /**
     * Runs the inquiry of {@code service} on CXF's thread: the request element's children are the
     * input fields.
     *
     * @return the reply element of the operation ({@code ShahkarReply})
     * @throws InquiryRefusal when the pipeline refused or failed the inquiry
     */
    Element inquire(ServiceDescriptor service, Element request) {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        message.getExchange().put(HANDED_OVER, Boolean.TRUE);
        SoapReplyEncoder encoder = new SoapReplyEncoder(documents, service);
        InquiryRequest.Builder inquiry = arrived(message, service.code().value(), encoder);
        inquiry.fields(documents.fields(request));
        InquiryReply reply = answer(message.getExchange(), inquiry);
        if (!reply.isSuccess()) {
            throw new InquiryRefusal(reply);
        }
        Element rendered = encoder.body();
        return rendered != null ? rendered : documents.reply(reply, service);
    }

    /**
     * A request CXF could not hand to an operation still gets a tracking ID, a fault and a traffic
     * record, like a REST request with an unreadable body.
     *
     * @param message the inbound message of the exchange
     */
    InquiryReply refuse(Message message, OutcomeCode outcome, String detail) {
        Exchange exchange = message.getExchange();
        BindingOperationInfo operation = exchange.getBindingOperationInfo();
        String service = operation == null ? "" : operations.service(operation.getName().getLocalPart())
                .map(descriptor -> descriptor.code().value()).orElse("");
        InquiryRequest.Builder inquiry = arrived(message, service, new SoapReplyEncoder(documents, null));
        SoapArrival arrival = SoapArrival.of(exchange);
        if (arrival == null || !arrival.unidentified()) {
            inquiry.rejectedWith(outcome, detail);
        }
        return answer(exchange, inquiry);
    }

    /** Whether an operation handed this exchange to the pipeline (so a later failure is the bus's own). */
    static boolean handedOver(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.get(HANDED_OVER));
    }

    static Optional<String> trackingId(Exchange exchange) {
        return Optional.ofNullable((String) exchange.get(TRACKING_ID));
    }

    static Optional<Long> retryAfterSeconds(Exchange exchange) {
        return Optional.ofNullable((Long) exchange.get(RETRY_AFTER));
    }

    private InquiryRequest.Builder arrived(Message message, String service, SoapReplyEncoder encoder) {
        InquiryRequest.Builder inquiry = InquiryRequest.builder(Channel.SOAP, service, encoder);
        SoapArrival arrival = SoapArrival.of(message.getExchange());
        if (arrival != null) {
            arrival.applyTo(inquiry);
        }
        if (message instanceof SoapMessage soap) {
            CallerReferences.read(header(soap, SoapContract.REQUEST_ID), header(soap, SoapContract.ON_BEHALF_OF),
                    SoapContract.REQUEST_ID.getLocalPart(), inquiry);
        }
        return inquiry;
    }

    private InquiryReply answer(Exchange exchange, InquiryRequest.Builder inquiry) {
        InquiryReply reply = pipeline.handle(inquiry.build());
        exchange.put(TRACKING_ID, reply.trackingId().toString());
        reply.retryAfterSeconds().ifPresent(seconds -> exchange.put(RETRY_AFTER, seconds));
        return reply;
    }

    private static String header(SoapMessage message, QName name) {
        List<Header> headers = message.hasHeaders() ? message.getHeaders() : List.of();
        for (Header header : headers) {
            if (name.equals(header.getName()) && header.getObject() instanceof Element element) {
                return element.getTextContent();
            }
        }
        return null;
    }
}
