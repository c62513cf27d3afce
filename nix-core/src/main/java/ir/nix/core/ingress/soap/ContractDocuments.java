package ir.nix.core.ingress.soap;

import ir.nix.core.ingress.soap.contract.ObjectFactory;
import ir.nix.core.inquiry.InquiryReply;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.JAXBIntrospector;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.apache.cxf.helpers.DOMUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Moves inquiry content between the pipeline's plain maps and the contract's XML, so the element
 * names of the WSDL are the only mapping: a request's child elements become input fields, a reply's
 * data items become child elements (a list becomes repeated elements), bound through the contract's
 * JAXB classes so that the reply follows the schema's order and types. No service is mapped by hand.
 */
@Component
class ContractDocuments {

    private static final Pattern ITEM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final JAXBContext jaxb;

    ContractDocuments() {
        try {
            this.jaxb = JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the SOAP contract's JAXB classes cannot be bound", e);
        }
    }

    /** A request element's items as raw text fields, for the pipeline to validate; nil items are left out. */
    Map<String, String> fields(Element request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node item = request.getFirstChild(); item != null; item = item.getNextSibling()) {
            if (item instanceof Element element && !isNil(element)) {
                fields.put(element.getLocalName(), element.getTextContent());
            }
        }
        return fields;
    }

    /**
     * The reply's tracking ID and granted data items as the contract's reply element {@code name},
     * bound to its JAXB type so that the contract orders and types the items. Items the type does not
     * know are dropped.
     */
    Object reply(InquiryReply reply, QName name) {
        Document document = DOMUtils.createDocument();
        Element root = document.createElementNS(name.getNamespaceURI(), name.getLocalPart());
        document.appendChild(root);
        append(root, "trackingId", reply.trackingId().toString());
        reply.data().forEach((item, value) -> append(root, item, value));
        try {
            Unmarshaller unmarshaller = jaxb.createUnmarshaller();
            unmarshaller.setEventHandler(event -> true);
            return JAXBIntrospector.getValue(unmarshaller.unmarshal(root));
        } catch (JAXBException e) {
            throw new IllegalStateException("a reply could not be bound to " + name.getLocalPart(), e);
        }
    }

    /** A contract object as the DOM element CXF sends. */
    Element element(Object body) {
        Document document = DOMUtils.createDocument();
        write(body, document);
        return document.getDocumentElement();
    }

    /** Writes a contract object as an XML fragment (no declaration). */
    void write(Object body, OutputStream out) {
        try {
            marshaller().marshal(body, out);
        } catch (JAXBException e) {
            throw new IllegalStateException("a " + body.getClass().getSimpleName() + " could not be written", e);
        }
    }

    /** Appends a contract object to a DOM node (a fault's detail). */
    void write(Object body, Node parent) {
        try {
            marshaller().marshal(body, parent);
        } catch (JAXBException e) {
            throw new IllegalStateException("a " + body.getClass().getSimpleName() + " could not be written", e);
        }
    }

    private Marshaller marshaller() throws JAXBException {
        Marshaller marshaller = jaxb.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
        return marshaller;
    }

    private static void append(Element parent, String name, Object value) {
        if (value == null || !ITEM_NAME.matcher(name).matches()) {
            return;
        }
        if (value instanceof Collection<?> elements) {
            elements.forEach(element -> append(parent, name, element));
            return;
        }
        Element child = parent.getOwnerDocument().createElementNS(SoapContract.NAMESPACE, name);
        parent.appendChild(child);
        if (value instanceof Map<?, ?> items) {
            items.forEach((item, itemValue) -> append(child, String.valueOf(item), itemValue));
        } else {
            child.setTextContent(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        }
    }

    private static boolean isNil(Element element) {
        return "true".equals(element.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "nil"));
    }
}
