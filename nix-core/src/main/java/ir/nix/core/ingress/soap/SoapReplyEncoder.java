package ir.nix.core.ingress.soap;

import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.ReplyEncoder;
import ir.nix.core.service.ServiceDescriptor;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.w3c.dom.Element;

/**
 * Renders one SOAP exchange's reply for the traffic record, and keeps the rendered body so the
 * operation returns the very object that was measured.
 *
 * <p>CXF writes the envelope itself, so the bytes here are a close approximation of what leaves:
 * the body (reply element or fault detail) is the very element CXF writes; the envelope,
 * the TrackingId header and the fault frame are written with CXF's default prefixes. Namespace
 * prefixes CXF picks differently change the count by a few bytes at most.
 */
final class SoapReplyEncoder implements ReplyEncoder {

    private static final String ENVELOPE_START = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Header><TrackingId xmlns=\"" + SoapContract.NAMESPACE + "\">";
    private static final String HEADER_END = "</TrackingId></soap:Header><soap:Body>";
    private static final String ENVELOPE_END = "</soap:Body></soap:Envelope>";

    private final ContractDocuments documents;
    private final ServiceDescriptor service;
    private Element body;

    /** @param service the service the operation serves, or null where no operation was reached (faults only) */
    SoapReplyEncoder(ContractDocuments documents, ServiceDescriptor service) {
        this.documents = documents;
        this.service = service;
    }

    @Override
    public byte[] encode(InquiryReply reply) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(out, ENVELOPE_START + reply.trackingId() + HEADER_END);
        if (reply.isSuccess() && service != null) {
            body = documents.reply(reply, service);
            documents.write(body, out);
        } else {
            body = SoapFaults.detail(reply);
            write(out, "<soap:Fault><faultcode>soap:" + SoapFaults.faultCode(reply.outcome()).getLocalPart()
                    + "</faultcode><faultstring>" + escaped(reply.detail()) + "</faultstring><detail>");
            documents.write(body, out);
            write(out, "</detail></soap:Fault>");
        }
        write(out, ENVELOPE_END);
        return out.toByteArray();
    }

    /** The reply or fault detail last rendered, or null when the pipeline rendered nothing. */
    Element body() {
        return body;
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
