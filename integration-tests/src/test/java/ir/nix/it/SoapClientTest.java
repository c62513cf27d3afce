package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import ir.nix.it.soap.client.InquiryFault;
import ir.nix.it.soap.client.InquiryPort;
import ir.nix.it.soap.client.InquiryService;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.handler.MessageContext;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.namespace.QName;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapMessage;
import org.apache.cxf.binding.soap.interceptor.AbstractSoapInterceptor;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.headers.Header;
import org.apache.cxf.helpers.DOMUtils;
import org.apache.cxf.phase.Phase;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

/**
 * The bus as an agency's SOAP client sees it: a JAX-WS client generated from the bus's WSDL
 * ({@code nix-core/src/main/resources/wsdl/nix-inquiry.wsdl}), built from the WSDL the running bus serves.
 */
abstract class SoapClientTest extends BusUnderTest {

    static final String NS = "urn:ir:nix:inquiry:v1";
    static final QName REQUEST_ID = new QName(NS, "RequestId");
    static final QName ON_BEHALF_OF = new QName(NS, "OnBehalfOf");
    static final QName TRACKING_ID = new QName(NS, "TrackingId");

    /** The client runs on a CXF bus of its own, as an agency's would: nothing of the bus's CXF set-up applies. */
    private static final Bus CLIENT_BUS = BusFactory.newInstance().createBus();
    private static InquiryService service;
    private static String serviceWsdl;

    /** One operation of the generated port, as the caller writes it. */
    @FunctionalInterface
    interface Operation<T> {
        T call(InquiryPort port) throws InquiryFault;
    }

    /** What came back: the reply or the fault, and the TrackingId header either way. */
    record Answer<T>(T reply, InquiryFault fault, String trackingHeader) {
        String code() {
            return fault == null ? "OK" : fault.getFaultInfo().getCode();
        }

        /** The tracking ID the caller was given: the fault detail's, or the header's on success. */
        String trackingId() {
            return fault == null ? trackingHeader : fault.getFaultInfo().getTrackingId();
        }
    }

    <T> Answer<T> soap(String consumer, Operation<T> operation) {
        return soap(consumer, Map.of(), operation);
    }

    /**
     * @param consumer    sent as the HTTP header {@code X-NIX-Consumer} (demo identification), or null
     * @param soapHeaders SOAP headers of the request ({@link #REQUEST_ID}, {@link #ON_BEHALF_OF})
     */
    <T> Answer<T> soap(String consumer, Map<QName, String> soapHeaders, Operation<T> operation) {
        InquiryPort port = port();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "http://127.0.0.1:" + this.port + "/soap/inquiry");
        if (consumer != null) {
            context.put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("X-NIX-Consumer", List.of(consumer)));
        }
        List<Header> headers = new ArrayList<>();
        soapHeaders.forEach((name, value) -> headers.add(new Header(name, element(name, value))));
        context.put(Header.HEADER_LIST, headers);
        TrackingIdCapture capture = new TrackingIdCapture();
        Client client = ClientProxy.getClient(port);
        client.getInInterceptors().add(capture);
        client.getInFaultInterceptors().add(capture);
        try {
            return new Answer<>(operation.call(port), null, capture.trackingId);
        } catch (InquiryFault fault) {
            return new Answer<>(null, fault, capture.trackingId);
        }
    }

    /** Every answer has the TrackingId header, and a fault carries the same ID with its code. */
    static void assertTracked(Answer<?> answer) {
        assertThat(answer.trackingHeader()).as("TrackingId header").isNotBlank();
        if (answer.fault() != null) {
            assertThat(answer.fault().getFaultInfo().getCode()).isNotBlank();
            assertThat(answer.fault().getFaultInfo().getTrackingId()).isEqualTo(answer.trackingHeader());
        }
    }

    /** The exchange's one traffic record: channel SOAP, with the outcome the caller was told. */
    JsonNode assertRecorded(Answer<?> answer, String outcome, String decision) {
        assertTracked(answer);
        assertThat(answer.code()).isEqualTo(outcome);
        JsonNode record = trafficRecord(answer.trackingId());
        assertThat(record.path("trackingId").asString()).isEqualTo(answer.trackingId());
        assertThat(record.path("channel").asString()).isEqualTo("SOAP");
        assertThat(record.path("outcome").asString()).isEqualTo(outcome);
        assertThat(record.path("decision").asString()).isEqualTo(decision);
        assertThat(record.path("requestBytes").asInt()).isPositive();
        assertThat(record.path("replyBytes").asInt()).isPositive();
        return record;
    }

    /** The code REST answers for the same inquiry, for comparison. */
    String restCode(String service, String consumer, String jsonBody) {
        Reply reply = inquire(service, consumer, jsonBody);
        return reply.status() == 200 ? "OK" : reply.body().path("code").asString();
    }

    /** SOAP answered {@code code}, as REST does for the same inquiry, and recorded it as a SOAP exchange. */
    void assertLikeRest(Answer<?> soap, String code, String service, String consumer, Map<String, String> fields) {
        assertThat(soap.code()).isEqualTo(code);
        assertThat(restCode(service, consumer, JSON.writeValueAsString(fields))).as("REST's code").isEqualTo(code);
        assertRecorded(soap, code, trafficRecord(soap.trackingId()).path("decision").asString());
    }

    /** Refused as INVALID_INPUT naming {@code field}, as REST refuses the same inquiry. */
    void assertInvalidLikeRest(Answer<?> soap, String field, String service, String consumer, Map<String, String> fields) {
        assertThat(soap.fault()).as("a fault").isNotNull();
        assertThat(soap.fault().getMessage()).startsWith(field + ":");
        assertLikeRest(soap, "INVALID_INPUT", service, consumer, fields);
    }

    /** Makes the simulated {@code agency} answer any request mentioning {@code marker} only after the bus gave up. */
    static void slowProvider(String agency, String marker) {
        ProviderServiceTest.answerSlowly(WireMock.post(urlPathMatching("/" + agency.toLowerCase(Locale.ROOT) + "/.*"))
                .withRequestBody(containing(marker)));
    }

    private InquiryPort port() {
        Bus callers = BusFactory.getThreadDefaultBus(false);
        BusFactory.setThreadDefaultBus(CLIENT_BUS);
        try {
            String wsdl = "http://127.0.0.1:" + port + "/soap/inquiry?wsdl";
            if (!wsdl.equals(serviceWsdl)) {
                service = new InquiryService(URI.create(wsdl).toURL());
                serviceWsdl = wsdl;
            }
            return service.getInquirySoapPort();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } finally {
            BusFactory.setThreadDefaultBus(callers);
        }
    }

    private static Element element(QName name, String value) {
        Element element = DOMUtils.createDocument().createElementNS(name.getNamespaceURI(), name.getLocalPart());
        element.setTextContent(value);
        return element;
    }

    /** Reads the TrackingId SOAP header of a reply or fault (the normal chain reads headers before it sees a fault). */
    static final class TrackingIdCapture extends AbstractSoapInterceptor {
        volatile String trackingId;

        TrackingIdCapture() {
            super(Phase.USER_PROTOCOL);
        }

        @Override
        public void handleMessage(SoapMessage message) {
            Header header = message.getHeader(TRACKING_ID);
            if (header != null && header.getObject() instanceof Element element) {
                trackingId = element.getTextContent();
            }
        }
    }
}
