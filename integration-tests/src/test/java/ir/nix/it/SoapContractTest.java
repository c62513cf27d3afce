package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * The SOAP endpoint as raw HTTP: the WSDL it serves, and requests no generated client would send
 * (unreadable, oversized, unknown operation, wrong media type), each still answered with a fault
 * carrying code and tracking ID, and recorded like its REST counterpart.
 */
class SoapContractTest extends SoapClientTest {

    static final String WSDL_NS = "http://schemas.xmlsoap.org/wsdl/";
    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    static String envelope(String body) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_ENV + "\" xmlns:n=\"" + NS + "\"><soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    Reply soapPost(String contentType, String body) {
        return post("/soap/inquiry", Map.of("Content-Type", contentType, "X-NIX-Consumer", "MOE"), body);
    }

    static Document xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + text, e);
        }
    }

    static String text(Document document, String ns, String localName) {
        NodeList nodes = ns == null ? document.getElementsByTagName(localName) : document.getElementsByTagNameNS(ns, localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void servesAWsdlOperationAndAnOpenApiPathForEveryServiceOfTheCatalogue() {
        Reply wsdl = get("/soap/inquiry?wsdl");
        Set<String> operations = new HashSet<>();
        Set<String> paths = new HashSet<>();
        get("/api/v1/services").body().forEach(card -> {
            operations.add(card.path("channels").path("soap").path("operation").asString());
            paths.add(card.path("channels").path("rest").path("path").asString());
        });
        Set<String> documented = new HashSet<>();
        get("/api/v1/openapi.json").body().path("paths").propertyNames().stream()
                .filter(path -> path.startsWith("/api/v1/inquiries/")).forEach(documented::add);

        assertThat(operations).containsExactlyInAnyOrder("Shahkar", "PostalAddress", "Identity", "InsuranceList",
                "PrivatizationStatus");
        assertThat(documented).isEqualTo(paths);
        assertThat(wsdl.status()).isEqualTo(200);
        Document document = xml(wsdl.raw());
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("definitions");
        assertThat(names(document, "portType")).containsExactly("InquiryPort");
        assertThat(operationsOf(document, "portType")).isEqualTo(operations);
        assertThat(operationsOf(document, "binding")).isEqualTo(operations);
        Element address = (Element) document.getElementsByTagNameNS("http://schemas.xmlsoap.org/wsdl/soap/", "address").item(0);
        assertThat(address.getAttribute("location")).endsWith(":" + port + "/soap/inquiry");
    }

    @Test
    void leavesTheRestApiAndActuatorToSpring() {
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/api/v1/services").status()).isEqualTo(200);
        assertThat(get("/soap/").raw()).doesNotContain("InquiryService");
    }

    @Test
    void sendsTheTrackingIdAsHttpHeaderAndInTheReplyElement() {
        Reply reply = soapPost("text/xml", envelope("<n:ShahkarRequest><n:nationalCode>0499370899</n:nationalCode>"
                + "<n:mobile>09121234567</n:mobile></n:ShahkarRequest>"));

        Document document = xml(reply.raw());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.trackingHeader()).isNotBlank();
        assertThat(text(document, NS, "trackingId")).isEqualTo(reply.trackingHeader());
        assertThat(text(document, NS, "TrackingId")).isEqualTo(reply.trackingHeader());
    }

    @Test
    void refusesUnreadableXmlWithoutEchoingIt() {
        Reply reply = soapPost("text/xml", envelope("<n:ShahkarRequest><n:nationalCode>0499370899</n:mobile>"));

        assertFaultRecorded(reply, "MALFORMED_REQUEST");
        assertThat(reply.raw()).doesNotContain("0499370899");
        assertThat(restCodeOfRaw("{\"nationalCode\": \"0499370899\", ")).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void refusesABodyThatNamesNoOperation() {
        Reply reply = soapPost("text/xml", envelope("<n:HoroscopeRequest/>"));

        assertFaultRecorded(reply, "UNKNOWN_SERVICE");
    }

    @Test
    void refusesOversizedBody() {
        Reply reply = soapPost("text/xml", envelope("<n:ShahkarRequest><n:nationalCode>" + "x".repeat(70_000)
                + "</n:nationalCode></n:ShahkarRequest>"));

        JsonNode record = assertFaultRecorded(reply, "PAYLOAD_TOO_LARGE");
        assertThat(record.path("requestBytes").asInt()).isGreaterThan(65_536);
        assertThat(restCodeOfRaw("{\"pad\":\"" + "x".repeat(70_000) + "\"}")).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void refusesWrongMediaType() {
        Reply reply = soapPost("application/json", "{\"nationalCode\":\"0499370899\"}");

        assertFaultRecorded(reply, "UNSUPPORTED_MEDIA_TYPE");
    }

    private String restCodeOfRaw(String body) {
        return inquire("shahkar", "MOE", body).body().path("code").asString();
    }

    private JsonNode assertFaultRecorded(Reply reply, String code) {
        assertThat(reply.status()).isEqualTo(500);
        Document fault = xml(reply.raw());
        String trackingId = text(fault, NS, "trackingId");
        assertThat(text(fault, null, "faultcode")).endsWith(":Client");
        assertThat(text(fault, NS, "code")).isEqualTo(code);
        assertThat(text(fault, NS, "TrackingId")).isEqualTo(trackingId);
        JsonNode record = trafficRecord(trackingId);
        assertThat(record.path("channel").asString()).isEqualTo("SOAP");
        assertThat(record.path("outcome").asString()).isEqualTo(code);
        assertThat(record.path("consumer").asString()).isEqualTo("MOE");
        return record;
    }

    private static Set<String> names(Document document, String element) {
        Set<String> names = new HashSet<>();
        NodeList nodes = document.getElementsByTagNameNS(WSDL_NS, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            names.add(((Element) nodes.item(i)).getAttribute("name"));
        }
        return names;
    }

    private static Set<String> operationsOf(Document document, String parent) {
        Set<String> operations = new HashSet<>();
        Element container = (Element) document.getElementsByTagNameNS(WSDL_NS, parent).item(0);
        NodeList nodes = container.getElementsByTagNameNS(WSDL_NS, "operation");
        for (int i = 0; i < nodes.getLength(); i++) {
            operations.add(((Element) nodes.item(i)).getAttribute("name"));
        }
        return operations;
    }
}
