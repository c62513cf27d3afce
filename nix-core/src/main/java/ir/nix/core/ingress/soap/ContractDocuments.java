package ir.nix.core.ingress.soap;

import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.service.OutputItem;
import ir.nix.core.service.ServiceDescriptor;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.staxutils.StaxUtils;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Moves inquiry content between the pipeline's plain maps and the contract's XML, by the service
 * descriptor as {@link ContractSchema} publishes it: a request's child elements become input fields,
 * a reply's granted data items become child elements in the descriptor's order (a list becomes
 * repeated elements). No service is mapped by hand, and an item the descriptor does not name is dropped.
 */
@Component
class ContractDocuments {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** A request element's items as raw text fields, for the pipeline to validate; nil items are left out. */
    Map<String, String> fields(Element request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node item = request.getFirstChild(); item != null; item = item.getNextSibling()) {
            if (item instanceof Element element && !"true".equals(element.getAttributeNS(XSI, "nil"))) {
                fields.put(element.getLocalName(), element.getTextContent());
            }
        }
        return fields;
    }

    /** The reply element of {@code service} ({@code ShahkarReply}): the tracking ID, then the granted items. */
    Element reply(InquiryReply reply, ServiceDescriptor service) {
        Document document = DOMUtils.createDocument();
        Element root = document.createElementNS(SoapContract.NAMESPACE, service.code().operationName() + SoapContract.REPLY);
        document.appendChild(root);
        text(root, "trackingId", reply.trackingId().toString());
        items(root, service.outputs(), reply.data());
        return root;
    }

    /** Writes a contract element as an XML fragment (no declaration), as CXF writes it into the body. */
    void write(Element element, OutputStream out) {
        try {
            XMLStreamWriter writer = StaxUtils.createXMLStreamWriter(out);
            StaxUtils.writeElement(element, writer, true);
            writer.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a " + element.getLocalName() + " could not be written", e);
        }
    }

    private static void items(Element parent, List<OutputItem> outputs, Map<?, ?> data) {
        for (OutputItem output : outputs) {
            Object value = data.get(output.name());
            if (value == null) {
                continue;
            }
            if (output.type() != OutputItem.Type.LIST) {
                text(parent, output.name(), value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
                continue;
            }
            for (Object element : value instanceof Collection<?> elements ? elements : List.of(value)) {
                if (element instanceof Map<?, ?> record) {
                    items(ContractXml.add(parent, SoapContract.NAMESPACE, output.name()), output.items(), record);
                }
            }
        }
    }

    private static void text(Element parent, String name, String value) {
        ContractXml.add(parent, SoapContract.NAMESPACE, name).setTextContent(value);
    }
}
