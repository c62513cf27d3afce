package ir.nix.core.ingress.soap;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.tracking.TrackingId;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLStreamException;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Every SOAP fault leaves in one shape: faultstring is the bus's own detail, the detail element is
 * {@code InquiryFaultDetail} with code and tracking ID. Faults an operation raised already carry
 * both. Faults CXF raised before any operation ran (unreadable XML, unknown body element, size or
 * media type) are first put through the pipeline as refused requests, so they too get a tracking ID
 * and a traffic record, and CXF's own message, which may quote the request, never reaches the caller.
 */
final class SoapFaultTranslation extends AbstractSoapInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(SoapFaultTranslation.class);

    private final SoapInquiries inquiries;

    SoapFaultTranslation(SoapInquiries inquiries) {
        super(Phase.PRE_LOGICAL);
        this.inquiries = inquiries;
    }

    @Override
    public void handleMessage(SoapMessage message) {
        Exchange exchange = message.getExchange();
        Exception failure = message.getContent(Exception.class);
        InquiryReply reply = cause(failure, InquiryRefusal.class).map(InquiryRefusal::reply)
                .orElseGet(() -> unanswered(exchange, failure));
        exchange.put(SoapInquiries.TRACKING_ID, reply.trackingId().toString());
        SoapFault fault = new SoapFault(reply.detail(),
                protocolFault(failure).orElseGet(() -> SoapFaults.faultCode(reply.outcome())));
        Element detail = fault.getOrCreateDetail();
        detail.appendChild(detail.getOwnerDocument().importNode(SoapFaults.detail(reply), true));
        message.setContent(Exception.class, fault);
    }

    private InquiryReply unanswered(Exchange exchange, Exception failure) {
        Message request = exchange.getInMessage();
        Optional<ChannelRejection> rejection = cause(failure, ChannelRejection.class);
        if (rejection.isPresent()) {
            return inquiries.refuse(request, rejection.get().outcome(), rejection.get().detail());
        }
        if (SoapInquiries.handedOver(exchange)) {
            return failedAfterHandOver(exchange, request, failure);
        }
        Optional<QName> protocol = protocolFault(failure);
        if (protocol.isPresent()) {
            return inquiries.refuse(request, OutcomeCode.MALFORMED_REQUEST, protocol.get().getLocalPart().equals("VersionMismatch")
                    ? "the envelope is not SOAP 1.1: use the namespace http://schemas.xmlsoap.org/soap/envelope/"
                    : "a SOAP header marked mustUnderstand=\"1\" is not understood by this endpoint");
        }
        if (cause(failure, XMLStreamException.class).isPresent()) {
            return inquiries.refuse(request, OutcomeCode.MALFORMED_REQUEST, "the request is not well-formed XML");
        }
        if (exchange.getBindingOperationInfo() == null) {
            return inquiries.refuse(request, OutcomeCode.UNKNOWN_SERVICE,
                    "the SOAP body names no operation of this endpoint; see " + SoapContract.WSDL);
        }
        return inquiries.refuse(request, OutcomeCode.MALFORMED_REQUEST,
                "the request does not follow operation " + exchange.getBindingOperationInfo().getName().getLocalPart()
                        + " of " + SoapContract.WSDL);
    }

    /**
     * The bus failed after an operation took the request. When the pipeline already answered (and
     * recorded), the fault keeps that tracking ID rather than recording the exchange twice. The log
     * names the exception type, never its message.
     */
    private InquiryReply failedAfterHandOver(Exchange exchange, Message request, Exception failure) {
        Optional<TrackingId> recorded = SoapInquiries.trackingId(exchange).flatMap(TrackingId::parse);
        LOG.error("SOAP exchange {} failed in the channel: {}", recorded.map(TrackingId::toString).orElse("(unrecorded)"),
                failure == null ? "?" : rootCause(failure).getClass().getName());
        String detail = "the bus could not complete this exchange; quote the tracking ID to the operator";
        return recorded.map(trackingId -> new InquiryReply(trackingId, OutcomeCode.INTERNAL_ERROR, Optional.empty(),
                        Optional.empty(), Map.of(), detail, Optional.empty(), new byte[0]))
                .orElseGet(() -> inquiries.refuse(request, OutcomeCode.INTERNAL_ERROR, detail));
    }

    /**
     * SOAP 1.1 section 4.4.1: a wrong envelope version and a header that must be understood but is not
     * keep their own fault codes ({@code VersionMismatch}, {@code MustUnderstand}), so that SOAP stacks
     * react to them as the protocol says.
     */
    private static Optional<QName> protocolFault(Exception failure) {
        return cause(failure, SoapFault.class).map(SoapFault::getFaultCode)
                .filter(code -> code.equals(Soap11.getInstance().getVersionMismatch())
                        || code.equals(Soap11.getInstance().getMustUnderstand())
                        || code.equals(Soap12.getInstance().getVersionMismatch())
                        || code.equals(Soap12.getInstance().getMustUnderstand()))
                .map(code -> code.getLocalPart().equals("VersionMismatch") ? Soap11.getInstance().getVersionMismatch()
                        : Soap11.getInstance().getMustUnderstand());
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
