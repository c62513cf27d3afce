package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.service.FieldType;
import ir.nix.core.service.InputField;
import ir.nix.core.service.OutputItem;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/**
 * The SOAP contract says what each service's descriptor file says: the same request and reply items in
 * the same order, required where the descriptor requires them, numbers as numbers, the identifiers'
 * patterns and the enumerations. The bus writes its WSDL from the descriptors; this test reads the copy
 * the generated client is built from ({@code src/contract/nix-inquiry.wsdl}, which {@link ContractFilesTest}
 * holds to what the bus serves), so it checks what integrators download. Integers are typed alike in both
 * contracts ({@code xs:int} where the OpenAPI copy says {@code int32}, {@code xs:long} where it says
 * {@code int64}), so that a client generated from either gets the same number types.
 */
class SoapContractDescriptorsTest {

    static final String XS = "http://www.w3.org/2001/XMLSchema";
    static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
    static final Document CONTRACT = contract();
    static final JsonNode OPENAPI = BusUnderTest.JSON.readTree(ContractFilesTest.OPENAPI.toFile());

    static Stream<ServiceDescriptor> services() {
        return ServiceDescriptorFiles.read(List.of(ServiceDescriptorFiles.DEFAULT_LOCATION)).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void declaresAnOperationNamedAsAnIdentifier(ServiceDescriptor service) {
        String operation = service.code().operationName();

        assertThat(operation).matches("[A-Z][A-Za-z0-9]*");
        assertThat(children(CONTRACT.getDocumentElement(), WSDL, "portType").stream()
                .flatMap(portType -> children(portType, WSDL, "operation").stream())
                .map(element -> element.getAttribute("name"))).contains(operation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void requestsTheDescriptorsInputsWithTheirRulesAndTypes(ServiceDescriptor service) {
        List<Element> items = sequence(service.code().operationName() + "Request");

        assertThat(items).extracting(item -> item.getAttribute("name"))
                .containsExactlyElementsOf(service.inputs().stream().map(InputField::name).toList());
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            InputField input = service.inputs().get(i);
            assertThat(item.getAttribute("minOccurs")).as(input.name() + " minOccurs")
                    .isEqualTo(input.required() ? "" : "0");
            Element type = simpleType(item.getAttribute("type")).orElseThrow();
            assertThat(base(type)).as(input.name() + " type").isEqualTo(switch (input.type().schemaType()) {
                case INTEGER -> "xs:int";
                case BOOLEAN -> "xs:boolean";
                default -> "xs:string";
            });
            assertTypedAlikeInOpenApi(service.code().operationName() + "Request", input.name(), base(type));
            input.contractPattern().ifPresent(pattern -> assertThat("^" + facet(type, "pattern").get(0) + "$")
                    .as(input.name() + " pattern").isEqualTo(pattern));
            if (input.type() == FieldType.ENUM) {
                assertThat(facet(type, "enumeration")).containsExactlyElementsOf(input.values());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void repliesWithTheTrackingIdAndTheDescriptorsOutputs(ServiceDescriptor service) {
        List<Element> items = sequence(service.code().operationName() + "Reply");

        assertThat(items.get(0).getAttribute("name")).isEqualTo("trackingId");
        assertThat(items.get(0).getAttribute("minOccurs")).isEmpty();
        assertOutputs(items.subList(1, items.size()), service.outputs(), service.code().operationName() + "Data");
    }

    /** @param schema the OpenAPI schema that holds the same items */
    private static void assertOutputs(List<Element> items, List<OutputItem> outputs, String schema) {
        assertThat(items).extracting(item -> item.getAttribute("name"))
                .containsExactlyElementsOf(outputs.stream().map(OutputItem::name).toList());
        for (int i = 0; i < items.size(); i++) {
            Element item = items.get(i);
            OutputItem output = outputs.get(i);
            assertThat(item.getAttribute("minOccurs")).as(output.name() + " is optional (granted items only)").isEqualTo("0");
            String type = item.getAttribute("type");
            switch (output.type()) {
                case LIST -> {
                    assertThat(item.getAttribute("maxOccurs")).isEqualTo("unbounded");
                    assertOutputs(children(complexType(type), XS, "sequence").stream()
                            .flatMap(sequence -> children(sequence, XS, "element").stream()).toList(), output.items(),
                            type.substring(type.indexOf(':') + 1));
                }
                case ENUM -> assertThat(facet(simpleType(type).orElseThrow(), "enumeration"))
                        .containsExactlyElementsOf(output.values());
                case JALALI_DATE -> assertThat(type).isEqualTo("tns:JalaliDate");
                case BOOLEAN -> assertThat(type).isEqualTo("xs:boolean");
                case INTEGER -> assertThat(type).as(output.name()).isEqualTo("xs:long");
                default -> assertThat(type).as(output.name()).isEqualTo("xs:string");
            }
            assertTypedAlikeInOpenApi(schema, output.name(), type);
        }
    }

    /** The OpenAPI copy types property {@code name} of {@code schema} as the WSDL's {@code xsdType} says. */
    private static void assertTypedAlikeInOpenApi(String schema, String name, String xsdType) {
        JsonNode property = OPENAPI.path("components").path("schemas").path(schema).path("properties").path(name);
        assertThat(property.isMissingNode()).as("OpenAPI has %s.%s", schema, name).isFalse();
        String format = property.path("format").asString("");
        switch (xsdType) {
            case "xs:int" -> assertThat(format).as("%s.%s is xs:int in the WSDL", schema, name).isEqualTo("int32");
            case "xs:long" -> assertThat(format).as("%s.%s is xs:long in the WSDL", schema, name).isEqualTo("int64");
            default -> assertThat(property.path("type").asString("")).as("%s.%s is %s in the WSDL", schema, name, xsdType)
                    .isNotEqualTo("integer");
        }
    }

    /** The items of the sequence of the top-level element {@code name}. */
    private static List<Element> sequence(String name) {
        Element element = schemaChildren("element").stream().filter(e -> e.getAttribute("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no element " + name + " in the contract"));
        return children(children(children(element, XS, "complexType").get(0), XS, "sequence").get(0), XS, "element");
    }

    /** The named simple type, or for a built-in type a stand-in restriction of it. */
    private static Optional<Element> simpleType(String qualified) {
        if (qualified.startsWith("xs:")) {
            Element builtIn = CONTRACT.createElementNS(XS, "xs:simpleType");
            Element restriction = CONTRACT.createElementNS(XS, "xs:restriction");
            restriction.setAttribute("base", qualified);
            builtIn.appendChild(restriction);
            return Optional.of(builtIn);
        }
        String name = qualified.substring(qualified.indexOf(':') + 1);
        return schemaChildren("simpleType").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst();
    }

    private static Element complexType(String qualified) {
        String name = qualified.substring(qualified.indexOf(':') + 1);
        return schemaChildren("complexType").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no complex type " + name));
    }

    private static String base(Element simpleType) {
        return children(simpleType, XS, "restriction").get(0).getAttribute("base");
    }

    private static List<String> facet(Element simpleType, String facet) {
        return children(children(simpleType, XS, "restriction").get(0), XS, facet).stream()
                .map(element -> element.getAttribute("value")).toList();
    }

    private static List<Element> schemaChildren(String localName) {
        Element types = children(CONTRACT.getDocumentElement(), WSDL, "types").get(0);
        return children(children(types, XS, "schema").get(0), XS, localName);
    }

    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && ns.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }

    private static Document contract() {
        try (InputStream in = Files.newInputStream(ContractFilesTest.WSDL)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (Exception e) {
            throw new IllegalStateException("the SOAP contract cannot be read", e);
        }
    }
}
