package ir.nix.core.ingress.soap;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The WSDL written from a descriptor: a service nobody wrote a WSDL line for is a typed operation. */
class InquiryWsdlTest {

    static final List<ServiceDescriptor> PARCEL = ServiceDescriptorFiles.read(List.of("classpath:descriptors/good/*.yml"));
    static final Document WSDL = InquiryWsdl.of(PARCEL);

    @Test
    void namesTheOperationAfterTheServiceCodeWithTheHeadersAsPartsOfItsMessages() {
        assertThat(attributes("http://schemas.xmlsoap.org/wsdl/", "operation", "name")).containsOnly("Parcel");
        assertThat(attributes("http://schemas.xmlsoap.org/wsdl/", "part", "name"))
                .containsSubsequence("request", "RequestId", "OnBehalfOf", "reply", "TrackingId");
        assertThat(attributes(ContractXml.SOAP, "header", "message")).containsOnly("tns:ParcelRequest", "tns:ParcelReply");
        assertThat(attributes(ContractXml.SOAP, "body", "parts")).containsExactly("request", "reply");
    }

    @Test
    void typesTheRequestFromTheDescriptorsInputs() {
        Element barcode = item("barcode");
        Element express = item("express");

        assertThat(barcode.getAttribute("minOccurs")).as("required").isEmpty();
        assertThat(barcode.getAttribute("type")).isEqualTo("tns:ParcelBarcode");
        assertThat(facets("ParcelBarcode", "pattern")).containsExactly("[A-Z]{2}[0-9]{9}IR");
        assertThat(express.getAttribute("minOccurs")).isEqualTo("0");
        assertThat(express.getAttribute("type")).isEqualTo("xs:boolean");
        assertThat(facets("ParcelKind", "enumeration")).containsExactly("LETTER", "PARCEL");
    }

    @Test
    void repliesWithTheTrackingIdThenOptionalItemsAndListsAsRepeatedElements() {
        Element stops = item("stops");

        assertThat(attributes(ContractXml.XS, "element", "name")).containsSubsequence("trackingId", "delivered", "stops");
        assertThat(item("delivered").getAttribute("type")).isEqualTo("xs:boolean");
        assertThat(stops.getAttribute("type")).isEqualTo("tns:ParcelStopsItem");
        assertThat(stops.getAttribute("maxOccurs")).isEqualTo("unbounded");
        assertThat(item("day").getAttribute("type")).isEqualTo("tns:JalaliDate");
    }

    private static Element item(String name) {
        NodeList elements = WSDL.getElementsByTagNameNS(ContractXml.XS, "element");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (name.equals(element.getAttribute("name"))) {
                return element;
            }
        }
        throw new AssertionError("no element " + name);
    }

    private static List<String> facets(String simpleType, String facet) {
        NodeList types = WSDL.getElementsByTagNameNS(ContractXml.XS, "simpleType");
        for (int i = 0; i < types.getLength(); i++) {
            Element type = (Element) types.item(i);
            if (simpleType.equals(type.getAttribute("name"))) {
                return values(type.getElementsByTagNameNS(ContractXml.XS, facet), "value");
            }
        }
        throw new AssertionError("no simple type " + simpleType);
    }

    private static List<String> attributes(String namespace, String element, String attribute) {
        return values(WSDL.getElementsByTagNameNS(namespace, element), attribute);
    }

    private static List<String> values(NodeList elements, String attribute) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < elements.getLength(); i++) {
            String value = ((Element) elements.item(i)).getAttribute(attribute);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }
}
