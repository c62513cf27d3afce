package ir.nix.core.ingress.soap;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.service.ServiceDescriptor;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.interceptor.Fault;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The one SOAP door: every operation of the contract arrives here as its body element
 * ({@code <Name>Request}) and goes to the one inquiry pipeline under the service code the element
 * names ({@code PostalAddressRequest} is {@code postal-address}). No operation has a method of its own,
 * so a service added to the catalogue needs no code here.
 *
 * <p>A refusal leaves as an {@link InquiryRefusal}, which {@link SoapFaultTranslation} writes as the
 * contract's fault.
 */
@WebServiceProvider(targetNamespace = SoapContract.NAMESPACE, serviceName = "InquiryService",
        portName = "InquirySoapPort", wsdlLocation = SoapContract.WSDL_LOCATION)
@ServiceMode(Service.Mode.PAYLOAD)
record InquiryDoor(SoapInquiries inquiries, SoapOperations operations) implements Provider<DOMSource> {

    @Override
    public DOMSource invoke(DOMSource payload) {
        Element request = bodyElement(payload.getNode());
        // Refused like any request CXF cannot hand to an operation: once, through the fault path.
        ServiceDescriptor service = operations.requested(request).orElseThrow(() -> new Fault(new ChannelRejection(
                OutcomeCode.UNKNOWN_SERVICE, "the SOAP body names no operation of this endpoint; see " + SoapContract.WSDL)));
        return new DOMSource(inquiries.inquire(service, request));
    }

    private static Element bodyElement(Node node) {
        if (node instanceof Document document) {
            return document.getDocumentElement();
        }
        return (Element) node;
    }
}
