package ir.nix.core.ingress.soap;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.helpers.CastUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/** Adds the exchange's TrackingId header to every reply and every fault (003 Art. 13). */
final class TrackingIdHeader extends AbstractSoapInterceptor {

    static final String HTTP_HEADER = "X-NIX-Tracking-Id";

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
            // The same HTTP header as the REST channel's, so that proxies and logs see it without parsing XML.
            Map<String, List<String>> http = CastUtils.cast((Map<?, ?>) message.get(Message.PROTOCOL_HEADERS));
            if (http == null) {
                http = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                message.put(Message.PROTOCOL_HEADERS, http);
            }
            http.put(HTTP_HEADER, List.of(trackingId));
        });
    }
}
