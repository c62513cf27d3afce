package ir.nix.core.ingress.soap;

import ir.nix.core.ingress.soap.contract.InquiryFault;
import ir.nix.core.ingress.soap.contract.InquiryFaultDetail;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.OutcomeCode;
import javax.xml.namespace.QName;
import org.apache.cxf.binding.soap.Soap11;

/** The error model on SOAP: faultstring is the reply's detail, the fault detail carries code and tracking ID. */
final class SoapFaults {

    private SoapFaults() {
    }

    static InquiryFault of(InquiryReply reply) {
        return new InquiryFault(reply.detail(), detail(reply));
    }

    static InquiryFaultDetail detail(InquiryReply reply) {
        InquiryFaultDetail detail = new InquiryFaultDetail();
        detail.setCode(reply.outcome().name());
        detail.setTrackingId(reply.trackingId().toString());
        reply.retryAfterSeconds().ifPresent(detail::setRetryAfterSeconds);
        return detail;
    }

    /** soap:Client when the caller must change something (REST's 4xx), soap:Server otherwise. */
    static QName faultCode(String code) {
        boolean callersFault = OutcomeCode.valueOf(code).httpStatus() < 500;
        return callersFault ? Soap11.getInstance().getSender() : Soap11.getInstance().getReceiver();
    }
}
