package ir.nix.core.ingress.soap;

import static ir.nix.core.ingress.soap.ContractXml.XS;
import static ir.nix.core.ingress.soap.ContractXml.add;
import static ir.nix.core.ingress.soap.ContractXml.document;

import ir.nix.core.service.FieldType;
import ir.nix.core.service.InputField;
import ir.nix.core.service.OutputItem;
import ir.nix.core.service.ServiceDescriptor;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Element;

/**
 * The XML schema of the SOAP contract, written from the service descriptors: per service a request
 * element {@code <Name>Request} whose items are the descriptor's inputs (required where the descriptor
 * says so, numbers as numbers, the identifiers' canonical patterns, enumerations), and a reply element
 * {@code <Name>Reply} that starts with {@code trackingId} and holds every output item, optional because
 * a reply carries only the granted ones; a list is a repeated element of type {@code <Name><List>Item},
 * named as OpenAPI names it.
 */
final class ContractSchema {

    static final String TRACKING_ID_TYPE = "TrackingIdType";
    static final String FAULT_DETAIL = "InquiryFaultDetail";
    /** A tracking ID as the bus prints it: a lower-case UUID. */
    private static final String TRACKING_ID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final Element schema;
    /** Enumerated and list-item types, by name: written once however often they are used. */
    private final Map<String, Element> namedTypes = new LinkedHashMap<>();

    private ContractSchema(Element schema) {
        this.schema = schema;
    }

    /** Appends the schema of {@code services} to {@code types} (the WSDL's {@code wsdl:types}). */
    static void write(Element types, Collection<ServiceDescriptor> services) {
        Element schema = add(types, XS, "xs:schema", "targetNamespace", SoapContract.NAMESPACE,
                "elementFormDefault", "qualified");
        // Declared here too: CXF serves the schema element on its own when a client asks for ?xsd.
        schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xs", XS);
        schema.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tns", SoapContract.NAMESPACE);
        ContractSchema writer = new ContractSchema(schema);
        writer.headersAndValueTypes();
        writer.faultDetail();
        services.forEach(writer::service);
    }

    private void headersAndValueTypes() {
        add(schema, XS, "xs:element", "name", SoapContract.REQUEST_ID.getLocalPart(), "type", "xs:string");
        add(schema, XS, "xs:element", "name", SoapContract.ON_BEHALF_OF.getLocalPart(), "type", "xs:string");
        add(schema, XS, "xs:element", "name", SoapContract.TRACKING_ID.getLocalPart(), "type", "tns:" + TRACKING_ID_TYPE);
        Element tracking = restriction(add(schema, XS, "xs:simpleType", "name", TRACKING_ID_TYPE), "xs:string");
        add(tracking, XS, "xs:pattern", "value", TRACKING_ID_PATTERN);
        for (FieldType type : FieldType.values()) {
            if (type.pattern() != null || type.minimum().isPresent()) {
                valueType(typeName(type), type, type.pattern(), List.of());
            }
        }
    }

    private void faultDetail() {
        Element sequence = sequence(add(schema, XS, "xs:element", "name", FAULT_DETAIL));
        add(sequence, XS, "xs:element", "name", "code", "type", "xs:string");
        add(sequence, XS, "xs:element", "name", "trackingId", "type", "xs:string");
        add(sequence, XS, "xs:element", "name", "retryAfterSeconds", "type", "xs:long", "minOccurs", "0");
    }

    private void service(ServiceDescriptor service) {
        String name = service.code().operationName();
        Element request = sequence(element(name + SoapContract.REQUEST, service.titleEn()));
        for (InputField input : service.inputs()) {
            boolean number = input.type().schemaType() != FieldType.SchemaType.STRING;
            // A required number may be sent nil (a typed client has no other way to leave it out);
            // the bus refuses it as missing, naming the item.
            item(request, input.name(), inputType(name, input), input.description(), input.required() ? null : "0",
                    null, input.required() && number ? "true" : null);
        }
        Element reply = sequence(element(name + SoapContract.REPLY, service.titleEn()));
        item(reply, "trackingId", "tns:" + TRACKING_ID_TYPE, "the exchange's tracking ID (003 Art. 13)", null, null, null);
        outputs(reply, name, service.outputs());
    }

    private void outputs(Element sequence, String name, List<OutputItem> outputs) {
        for (OutputItem output : outputs) {
            boolean list = output.type() == OutputItem.Type.LIST;
            item(sequence, output.name(), outputType(name, output), output.description(), "0", list ? "unbounded" : null, null);
        }
    }

    private String inputType(String name, InputField input) {
        boolean ownRule = input.pattern() != null || input.type() == FieldType.ENUM;
        if (ownRule) {
            String type = name + capitalised(input.name());
            valueType(type, input.type(), input.contractPattern().orElse(null), input.values());
            return "tns:" + type;
        }
        if (input.type().pattern() != null || input.type().minimum().isPresent()) {
            return "tns:" + typeName(input.type());
        }
        return builtIn(input.type().schemaType());
    }

    private String outputType(String name, OutputItem output) {
        return switch (output.type()) {
            case STRING -> "xs:string";
            case INTEGER -> "xs:long";
            case NUMBER -> "xs:decimal";
            case BOOLEAN -> "xs:boolean";
            case JALALI_DATE -> "tns:" + typeName(FieldType.JALALI_DATE);
            case ENUM -> {
                String type = name + capitalised(output.name());
                if (!namedTypes.containsKey(type)) {
                    namedTypes.put(type, valueType(type, FieldType.ENUM, null, output.values()));
                }
                yield "tns:" + type;
            }
            case LIST -> {
                String type = name + capitalised(output.name()) + "Item";
                if (!namedTypes.containsKey(type)) {
                    Element complexType = add(schema, XS, "xs:complexType", "name", type);
                    namedTypes.put(type, complexType);
                    outputs(add(complexType, XS, "xs:sequence"), name, output.items());
                }
                yield "tns:" + type;
            }
        };
    }

    private Element valueType(String name, FieldType type, String pattern, List<String> values) {
        Element simpleType = add(schema, XS, "xs:simpleType", "name", name);
        Element restriction = restriction(simpleType, builtIn(type.schemaType()));
        type.minimum().ifPresent(minimum -> add(restriction, XS, "xs:minInclusive", "value", minimum.toString()));
        type.maximum().ifPresent(maximum -> add(restriction, XS, "xs:maxInclusive", "value", maximum.toString()));
        if (pattern != null) {
            add(restriction, XS, "xs:pattern", "value", xsdPattern(pattern));
        }
        values.forEach(value -> add(restriction, XS, "xs:enumeration", "value", value));
        return simpleType;
    }

    private Element element(String name, String documentation) {
        Element element = add(schema, XS, "xs:element", "name", name);
        document(element, documentation);
        return element;
    }

    private static void item(Element sequence, String name, String type, String documentation, String minOccurs,
                             String maxOccurs, String nillable) {
        Element item = add(sequence, XS, "xs:element", "name", name, "type", type, "minOccurs", minOccurs,
                "maxOccurs", maxOccurs, "nillable", nillable);
        document(item, documentation);
    }

    private static Element sequence(Element element) {
        return add(add(element, XS, "xs:complexType"), XS, "xs:sequence");
    }

    private static Element restriction(Element simpleType, String base) {
        return add(simpleType, XS, "xs:restriction", "base", base);
    }

    private static String builtIn(FieldType.SchemaType type) {
        return switch (type) {
            case STRING -> "xs:string";
            case INTEGER -> "xs:int";
            case NUMBER -> "xs:decimal";
            case BOOLEAN -> "xs:boolean";
        };
    }

    /** The XSD name of a value type: {@code national-code} is {@code NationalCode}. */
    static String typeName(FieldType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.fileName().split("-")) {
            name.append(capitalised(word));
        }
        return name.toString();
    }

    /** XSD patterns match the whole value: the anchors of the descriptors' patterns go. */
    static String xsdPattern(String pattern) {
        String unanchored = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        return unanchored.endsWith("$") && !unanchored.endsWith("\\$")
                ? unanchored.substring(0, unanchored.length() - 1) : unanchored;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
