package ir.nix.adapters.simulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * SOAP 1.1 over WireMock for the simulated SOAP agencies: requests are recognised by their SOAPAction
 * and by XPath on the (namespace-qualified) body, replies are real envelopes, faults are HTTP 500 as
 * SOAP 1.1 over HTTP prescribes.
 */
final class SoapStubs {

    private static final String ENVELOPE_OPEN = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
            + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
    private static final String ENVELOPE_CLOSE = "</soap:Body></soap:Envelope>";
    private static final String XML = "text/xml; charset=utf-8";

    private SoapStubs() {
    }

    /** A call of {@code soapAction} posted to {@code path}. */
    static MappingBuilder operation(String path, String soapAction) {
        return post(urlPathEqualTo(path)).withHeader("SOAPAction", containing(soapAction));
    }

    /** The body holds element {@code localName} of {@code namespace} with exactly {@code value} as its text. */
    static StringValuePattern hasElement(String namespace, String localName, String value) {
        return matchingXPath("//p:" + localName + "[text()='" + value + "']", Map.of("p", namespace));
    }

    static ResponseDefinitionBuilder reply(String bodyXml) {
        return aResponse().withStatus(200).withHeader("Content-Type", XML).withBody(ENVELOPE_OPEN + bodyXml + ENVELOPE_CLOSE);
    }

    /** A fault; {@code detailXml} may be empty for an undeclared (infrastructure) fault. */
    static ResponseDefinitionBuilder fault(String faultCode, String faultString, String detailXml) {
        String detail = detailXml.isEmpty() ? "" : "<detail>" + detailXml + "</detail>";
        return aResponse().withStatus(500).withHeader("Content-Type", XML).withBody(ENVELOPE_OPEN
                + "<soap:Fault><faultcode>soap:" + faultCode + "</faultcode><faultstring>" + escape(faultString)
                + "</faultstring>" + detail + "</soap:Fault>" + ENVELOPE_CLOSE);
    }

    /** {@code <name>value</name>}, or nothing when {@code value} is null (an absent optional element). */
    static String element(String name, Object value) {
        return value == null ? "" : "<" + name + ">" + escape(String.valueOf(value)) + "</" + name + ">";
    }

    /** Serves the agency's WSDL at {@code path?wsdl}, as SOAP stacks do. */
    static void serveWsdl(WireMockServer server, String path, String classpathResource) {
        server.stubFor(get(urlPathEqualTo(path)).withQueryParam("wsdl", matching(".*"))
                .willReturn(aResponse().withHeader("Content-Type", XML).withBody(resource(classpathResource))));
    }

    private static String resource(String name) {
        try (InputStream in = SoapStubs.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
