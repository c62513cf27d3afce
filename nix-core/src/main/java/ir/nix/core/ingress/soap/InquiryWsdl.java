package ir.nix.core.ingress.soap;

import static ir.nix.core.ingress.soap.ContractXml.SOAP;
import static ir.nix.core.ingress.soap.ContractXml.WSDL;
import static ir.nix.core.ingress.soap.ContractXml.add;
import static ir.nix.core.ingress.soap.ContractXml.document;

import ir.nix.core.service.ServiceDescriptor;
import java.util.Collection;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The SOAP contract (WSDL 1.1, document/literal), written at start from the service catalogue so that
 * it cannot drift from the services and a new service needs no edit here: one operation per service,
 * named by {@link ir.nix.core.service.ServiceCode#operationName()}, with the schema of
 * {@link ContractSchema}.
 *
 * <p>The SOAP headers are parts of each operation's own input and output messages, so that generated
 * clients (CXF and JAX-WS {@code wsdl2java} with default options, {@code wsimport}) put them in the
 * operation's signature: RequestId and OnBehalfOf in, TrackingId out.
 */
final class InquiryWsdl {

    static final QName SERVICE = new QName(SoapContract.NAMESPACE, "InquiryService");
    static final QName PORT = new QName(SoapContract.NAMESPACE, "InquirySoapPort");
    static final String FAULT = "InquiryFault";
    private static final String BODY_IN = "request";
    private static final String BODY_OUT = "reply";
    private static final String RULES = """
            NIX inquiry services over SOAP 1.1, document/literal (v1), one operation per service of the \
            catalogue (GET /api/v1/services), written from the service descriptor files. Request items follow \
            the descriptor: required items are required, numbers are numbers, identifiers carry the pattern of \
            their canonical form; the bus still validates every item itself (it takes Persian digits too) and \
            answers INVALID_INPUT naming the item. Every reply element starts with trackingId; its other items \
            are optional because a reply carries only the items the consumer's grant allows (an item not granted \
            is absent, never nil). Header RequestId (in, optional): the caller's own reference, 1-64 of \
            [A-Za-z0-9._:-], recorded with the exchange. Header OnBehalfOf (in, optional): the party the caller \
            acts for; re-delegation is refused (003 Art. 34). Header TrackingId (out): the exchange's tracking ID \
            on every reply and fault, also sent as the HTTP header X-NIX-Tracking-Id (with Retry-After where the \
            bus says when to come back). Every error is a SOAP fault: faultstring names the item or rule (never \
            the request content), the detail InquiryFaultDetail carries code and trackingId, with the codes of \
            the REST problem documents; faultcode is soap:Client when the caller must change the request and \
            soap:Server otherwise. Dates are Jalali (Solar Hijri) yyyy/MM/dd text.""";

    private InquiryWsdl() {
    }

    /** The contract of {@code services}, in catalogue order. */
    static Document of(Collection<ServiceDescriptor> services) {
        Document wsdl = DOMUtils.createDocument();
        Element definitions = wsdl.createElementNS(WSDL, "wsdl:definitions");
        wsdl.appendChild(definitions);
        definitions.setAttributeNS(null, "name", "NixInquiry");
        definitions.setAttributeNS(null, "targetNamespace", SoapContract.NAMESPACE);
        definitions.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsdl", WSDL);
        definitions.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tns", SoapContract.NAMESPACE);
        definitions.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:soap", SOAP);
        definitions.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xs", ContractXml.XS);
        document(definitions, RULES);
        ContractSchema.write(add(definitions, WSDL, "wsdl:types"), services);
        messages(definitions, services);
        Element portType = add(definitions, WSDL, "wsdl:portType", "name", "InquiryPort");
        Element binding = add(definitions, WSDL, "wsdl:binding", "name", "InquirySoapBinding", "type", "tns:InquiryPort");
        add(binding, SOAP, "soap:binding", "style", "document", "transport", "http://schemas.xmlsoap.org/soap/http");
        for (ServiceDescriptor service : services) {
            operation(portType, binding, service);
        }
        Element port = add(add(definitions, WSDL, "wsdl:service", "name", SERVICE.getLocalPart()), WSDL, "wsdl:port",
                "name", PORT.getLocalPart(), "binding", "tns:InquirySoapBinding");
        add(port, SOAP, "soap:address", "location", "http://localhost:8080" + SoapContract.ENDPOINT);
        return wsdl;
    }

    private static void messages(Element definitions, Collection<ServiceDescriptor> services) {
        add(add(definitions, WSDL, "wsdl:message", "name", FAULT), WSDL, "wsdl:part", "name", "detail",
                "element", "tns:" + ContractSchema.FAULT_DETAIL);
        for (ServiceDescriptor service : services) {
            String name = service.code().operationName();
            // The body part first: clients that read one part per message (node-soap) take the body.
            Element in = add(definitions, WSDL, "wsdl:message", "name", name + SoapContract.REQUEST);
            part(in, BODY_IN, name + SoapContract.REQUEST);
            part(in, SoapContract.REQUEST_ID.getLocalPart(), SoapContract.REQUEST_ID.getLocalPart());
            part(in, SoapContract.ON_BEHALF_OF.getLocalPart(), SoapContract.ON_BEHALF_OF.getLocalPart());
            Element out = add(definitions, WSDL, "wsdl:message", "name", name + SoapContract.REPLY);
            part(out, BODY_OUT, name + SoapContract.REPLY);
            part(out, SoapContract.TRACKING_ID.getLocalPart(), SoapContract.TRACKING_ID.getLocalPart());
        }
    }

    private static void part(Element message, String name, String element) {
        add(message, WSDL, "wsdl:part", "name", name, "element", "tns:" + element);
    }

    private static void operation(Element portType, Element binding, ServiceDescriptor service) {
        String name = service.code().operationName();
        Element abstractOperation = add(portType, WSDL, "wsdl:operation", "name", name);
        document(abstractOperation, service.titleEn() + " (service " + service.code() + ", provider " + service.provider()
                + ")");
        add(abstractOperation, WSDL, "wsdl:input", "message", "tns:" + name + SoapContract.REQUEST);
        add(abstractOperation, WSDL, "wsdl:output", "message", "tns:" + name + SoapContract.REPLY);
        add(abstractOperation, WSDL, "wsdl:fault", "name", FAULT, "message", "tns:" + FAULT);

        Element operation = add(binding, WSDL, "wsdl:operation", "name", name);
        add(operation, SOAP, "soap:operation", "soapAction", "", "style", "document");
        Element input = add(operation, WSDL, "wsdl:input");
        add(input, SOAP, "soap:body", "use", "literal", "parts", BODY_IN);
        header(input, name + SoapContract.REQUEST, SoapContract.REQUEST_ID);
        header(input, name + SoapContract.REQUEST, SoapContract.ON_BEHALF_OF);
        Element output = add(operation, WSDL, "wsdl:output");
        add(output, SOAP, "soap:body", "use", "literal", "parts", BODY_OUT);
        header(output, name + SoapContract.REPLY, SoapContract.TRACKING_ID);
        add(add(operation, WSDL, "wsdl:fault", "name", FAULT), SOAP, "soap:fault", "name", FAULT, "use", "literal");
    }

    private static void header(Element message, String messageName, QName part) {
        add(message, SOAP, "soap:header", "message", "tns:" + messageName, "part", part.getLocalPart(), "use", "literal");
    }
}
