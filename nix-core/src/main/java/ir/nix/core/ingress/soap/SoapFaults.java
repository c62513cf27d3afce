package ir.nix.core.ingress.soap;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.inquiry.InquiryReply;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The error model on SOAP: faultstring is the reply's detail, the fault detail carries code and tracking ID. */
final class SoapFaults {

    private SoapFaults() {
    }

    /** The contract's {@code InquiryFaultDetail} of a refused or failed exchange. */
    static Element detail(InquiryReply reply) {
        Document document = DOMUtils.createDocument();
        Element detail = document.createElementNS(SoapContract.NAMESPACE, ContractSchema.FAULT_DETAIL);
        document.appendChild(detail);
        item(detail, "code", reply.outcome().name());
        item(detail, "trackingId", reply.trackingId().toString());
        reply.retryAfterSeconds().ifPresent(seconds -> item(detail, "retryAfterSeconds", Long.toString(seconds)));
        return detail;
    }

    /** soap:Client when the caller must change something (REST's 4xx), soap:Server otherwise. */
    static QName faultCode(OutcomeCode code) {
        boolean callersFault = code.httpStatus() < 500;
        return callersFault ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver();
    }

    private static void item(Element detail, String name, String value) {
        ContractXml.add(detail, SoapContract.NAMESPACE, name).setTextContent(value);
    }
}
