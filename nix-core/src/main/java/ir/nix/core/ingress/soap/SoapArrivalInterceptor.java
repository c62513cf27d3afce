package ir.nix.core.ingress.soap;

import ir.nix.core.admission.DoorVerdict;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.ingress.rest.IngressProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.util.Locale;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * First step of every SOAP request: identifies the consumer from the HTTP request exactly as the
 * REST channel does, and enforces {@code nix.ingress.max-body-bytes} before and while CXF reads.
 * WSDL and schema downloads pass untouched.
 */
final class SoapArrivalInterceptor extends AbstractPhaseInterceptor<Message> {

    private final ConsumerIdentifier identifier;
    private final IngressProperties limits;

    SoapArrivalInterceptor(ConsumerIdentifier identifier, IngressProperties limits) {
        super(Phase.RECEIVE);
        this.identifier = identifier;
        this.limits = limits;
    }

    @Override
    public void handleMessage(Message message) {
        String method = (String) message.get(Message.HTTP_REQUEST_METHOD);
        if ("GET".equals(method) && isContractDownload((String) message.get(Message.QUERY_STRING))) {
            return;
        }
        HttpServletRequest http = (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
        SoapArrival arrival = new SoapArrival(identifier.identify(http), http.getContentLengthLong(),
                DoorVerdict.of(http));
        message.getExchange().put(SoapArrival.class, arrival);
        if (!"POST".equals(method)) {
            throw refused(OutcomeCode.MALFORMED_REQUEST, "send the inquiry as an HTTP POST of a SOAP 1.1 envelope");
        }
        if (arrival.declaredBytes() > limits.maxBodyBytes()) {
            throw new Fault(ChannelRejection.tooLarge(limits.maxBodyBytes()));
        }
        if (!isXml(http.getContentType())) {
            throw refused(OutcomeCode.UNSUPPORTED_MEDIA_TYPE, "send the inquiry as text/xml (SOAP 1.1)");
        }
        message.setContent(InputStream.class, arrival.meter(message.getContent(InputStream.class), limits.maxBodyBytes()));
    }

    private static Fault refused(OutcomeCode outcome, String detail) {
        return new Fault(new ChannelRejection(outcome, detail));
    }

    private static boolean isContractDownload(String query) {
        if (query == null) {
            return false;
        }
        String q = query.toLowerCase(Locale.ROOT);
        return q.startsWith("wsdl") || q.startsWith("xsd");
    }

    /** SOAP 1.1 travels as text/xml; MTOM wraps it in multipart/related. */
    private static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].strip();
        return type.equals("text/xml") || type.endsWith("+xml") || type.equals("application/xml")
                || type.equals("multipart/related");
    }
}
