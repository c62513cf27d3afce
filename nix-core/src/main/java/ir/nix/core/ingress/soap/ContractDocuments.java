package ir.nix.core.ingress.soap;

import ir.nix.core.ingress.soap.contract.ObjectFactory;
import ir.nix.core.inquiry.InquiryReply;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.cxf.helpers.DOMUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Moves inquiry content between the pipeline's plain maps and the contract's JAXB classes through
 * XML, so the element names of the WSDL are the only mapping: a request's child elements become
 * input fields, a reply's data items become child elements (a list becomes repeated elements). No
 * service is mapped by hand; a new operation needs only its request and reply types.
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

    /** A request's items as raw text fields, for the pipeline to validate; absent and nil items are left out. */
    Map<String, String> fields(Object request) {
        Document document = DOMUtils.createDocument();
        try {
            jaxb.createMarshaller().marshal(request, document);
        } catch (JAXBException e) {
            throw new IllegalStateException("a request of the SOAP contract could not be read back", e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node item = document.getDocumentElement().getFirstChild(); item != null; item = item.getNextSibling()) {
            if (item instanceof Element element && !isNil(element)) {
                fields.put(element.getLocalName(), element.getTextContent());
            }
        }
        return fields;
    }

    /**
     * The reply's tracking ID and granted data items as the contract's reply type. Items the type
     * does not know are dropped.
     */
    <T> T reply(InquiryReply reply, Class<T> type) {
        Document document = DOMUtils.createDocument();
        Element root = document.createElementNS(SoapContract.NAMESPACE, "reply");
        document.appendChild(root);
        append(root, "trackingId", reply.trackingId().toString());
        reply.data().forEach((name, value) -> append(root, name, value));
        try {
            Unmarshaller unmarshaller = jaxb.createUnmarshaller();
            unmarshaller.setEventHandler(event -> true);
            return unmarshaller.unmarshal(root, type).getValue();
        } catch (JAXBException e) {
            throw new IllegalStateException("a reply could not be bound to " + type.getSimpleName(), e);
        }
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
