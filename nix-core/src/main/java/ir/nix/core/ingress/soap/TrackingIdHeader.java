package ir.nix.core.ingress.soap;

import ir.nix.core.ingress.NixHeaders;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/**
 * Adds the exchange's tracking ID to every reply and every fault (003 Art. 13): as the SOAP header
 * TrackingId, and as the HTTP header X-NIX-Tracking-Id that REST sends too, with Retry-After where the
 * bus tells the caller when to come back.
 */
final class TrackingIdHeader extends AbstractSoapInterceptor {

    TrackingIdHeader() {
        super(Phase.PRE_PROTOCOL);
    }

    @Override
    public void handleMessage(SoapMessage message) {
        SoapInquiries.trackingId(message.getExchange()).ifPresent(trackingId -> {
            Element element = DOMUtils.createDocument()
                    .createElementNS(SoapContract.TRACKING_ID.getNamespaceURI(), SoapContract.TRACKING_ID.getLocalPart());
            element.setTextContent(trackingId);
            message.getHeaders().add(new Header(SoapContract.TRACKING_ID, element));
            Map<String, List<String>> http = httpHeaders(message);
            http.put(NixHeaders.TRACKING_ID, List.of(trackingId));
            SoapInquiries.retryAfterSeconds(message.getExchange())
                    .ifPresent(seconds -> http.put("Retry-After", List.of(Long.toString(seconds))));
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> httpHeaders(SoapMessage message) {
        Map<String, List<String>> headers = (Map<String, List<String>>) message.get(Message.PROTOCOL_HEADERS);
        if (headers == null) {
            headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            message.put(Message.PROTOCOL_HEADERS, headers);
        }
        return headers;
    }
}
