package ir.nix.core.ingress.soap;

import javax.xml.XMLConstants;
import org.w3c.dom.Element;

/** Writing the contract's DOM: one element with its attributes, as the WSDL and XSD read. */
final class ContractXml {

    static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final String SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";

    private ContractXml() {
    }

    /**
     * Appends {@code <qualifiedName>} in {@code namespace} to {@code parent}.
     *
     * @param attributes name, value, name, value …; a null value leaves its attribute out
     */
    static Element add(Element parent, String namespace, String qualifiedName, String... attributes) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                element.setAttributeNS(null, attributes[i], attributes[i + 1]);
            }
        }
        parent.appendChild(element);
        return element;
    }

    /** Appends {@code <prefix:documentation>text</…>} (an xs:annotation's for schema items). */
    static void document(Element parent, String text) {
        if (XS.equals(parent.getNamespaceURI())) {
            add(add(parent, XS, "xs:annotation"), XS, "xs:documentation").setTextContent(text);
        } else {
            add(parent, WSDL, "wsdl:documentation").setTextContent(text);
        }
    }
}
