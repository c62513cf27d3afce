package ir.nix.core.ingress.soap;

import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;

/** Adds the exchange's TrackingId header to every reply and every fault (003 Art. 13). */
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
        });
    }
}
