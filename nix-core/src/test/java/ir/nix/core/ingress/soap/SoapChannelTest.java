package ir.nix.core.ingress.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.ingress.rest.IngressProperties;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.w3c.dom.Document;

/**
 * The SOAP channel over a real socket, in front of a stand-in pipeline: what reaches the pipeline
 * from an envelope, and what a reply or refusal looks like on the wire.
 */
@SpringBootTest(classes = SoapChannelTest.Wiring.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SoapChannelTest {

    static final int MAX_BODY = 4096;
    static final String NS = SoapContract.NAMESPACE;
    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Configuration(proxyBeanMethods = false)
    @Import({SoapIngressConfiguration.class, SoapInquiries.class, ContractDocuments.class, SoapOperations.class})
    static class Wiring {
        /** Two services, a flat reply and a list, each with an adapter that is never called here. */
        @Bean
        ServiceCatalog catalog() {
            List<ServiceDescriptor> services = ServiceDescriptorFiles.read(List.of("classpath:descriptors/soap/*.yml"));
            List<ProviderAdapter> adapters = services.stream().<ProviderAdapter>map(service -> new ProviderAdapter() {
                @Override
                public ServiceCode service() {
                    return service.code();
                }

                @Override
                public ProviderResult call(ProviderCall call) {
                    return new ProviderResult.Unavailable("the SOAP channel test calls no provider");
                }
            }).toList();
            return new ServiceCatalog(services, adapters,
                    new ProviderEndpoints(new ProvidersProperties(Map.of(), Duration.ofSeconds(1))));
        }

        @Bean
        TomcatServletWebServerFactory tomcat() {
            return new TomcatServletWebServerFactory(0);
        }

        @Bean
        ConsumerIdentifier identifier() {
            return http -> {
                String claimed = http.getHeader("X-NIX-Consumer");
                return AgencyCode.isWellFormed(claimed)
                        ? new ConsumerIdentifier.Identification(Optional.of(new AgencyCode(claimed)), Optional.empty())
                        : ConsumerIdentifier.Identification.none();
            };
        }

        @Bean
        IngressProperties limits() {
            return new IngressProperties(MAX_BODY);
        }
    }

    @LocalServerPort
    int port;

    @MockitoBean
    InquiryPipeline pipeline;

    /** What the stand-in pipeline received, and how it answers an inquiry that reaches it. */
    final List<InquiryRequest> received = new CopyOnWriteArrayList<>();
    final List<Integer> encodedSizes = new CopyOnWriteArrayList<>();
    Function<InquiryRequest, InquiryReply> answer;

    @BeforeEach
    void standInPipeline() {
        answer = request -> ok(request, Map.of("matched", true));
        when(pipeline.handle(any())).thenAnswer(invocation -> {
            InquiryRequest request = invocation.getArgument(0);
            received.add(request);
            InquiryReply reply = request.rejection()
                    .map(rejection -> refused(request, rejection.outcome(), rejection.detail()))
                    .orElseGet(() -> answer.apply(request));
            byte[] encoded = request.encoder().encode(reply);
            encodedSizes.add(encoded.length);
            return new InquiryReply(reply.trackingId(), reply.outcome(), reply.service(), reply.provider(), reply.data(),
                    reply.detail(), reply.retryAfter(), encoded);
        });
    }

    static InquiryReply ok(InquiryRequest request, Map<String, Object> data) {
        return new InquiryReply(request.trackingId(), OutcomeCode.OK, Optional.of(new ServiceCode(request.service())),
                Optional.of(new AgencyCode("CRA")), data, "", Optional.empty(), new byte[0]);
    }

    static InquiryReply refused(InquiryRequest request, OutcomeCode outcome, String detail) {
        return new InquiryReply(request.trackingId(), outcome, Optional.empty(), Optional.empty(), Map.of(), detail,
                Optional.empty(), new byte[0]);
    }

    record Wire(int status, String body, Document document, java.net.http.HttpHeaders headers) {
        String text(String ns, String localName) {
            var nodes = document.getElementsByTagNameNS(ns, localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        /** Text of an unqualified element (the SOAP 1.1 fault's faultcode, faultstring). */
        String plain(String localName) {
            var nodes = document.getElementsByTagName(localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        int count(String ns, String localName) {
            return document.getElementsByTagNameNS(ns, localName).getLength();
        }
    }

    static String envelope(String headers, String body) {
        return "<soap:Envelope xmlns:soap=\"" + SOAP_NS + "\" xmlns:n=\"" + NS + "\"><soap:Header>" + headers
                + "</soap:Header><soap:Body>" + body + "</soap:Body></soap:Envelope>";
    }

    static String shahkar(String nationalCode, String mobile) {
        return "<n:ShahkarRequest><n:nationalCode>" + nationalCode + "</n:nationalCode><n:mobile>" + mobile
                + "</n:mobile></n:ShahkarRequest>";
    }

    Wire post(String contentType, String consumer, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/soap/inquiry"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (consumer != null) {
            request.header("X-NIX-Consumer", consumer);
        }
        return send(request.build());
    }

    Wire soap(String consumer, String body) {
        return post("text/xml; charset=UTF-8", consumer, body);
    }

    static Wire send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Wire(response.statusCode(), response.body(), parse(response.body()), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception notXml) {
            return null;
        }
    }

    @Test
    void servesAContractWsdlWithAnOperationPerServiceOfTheCatalogue() {
        Wire wsdl = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/soap/inquiry?wsdl")).GET().build());

        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(wsdl.body()).contains("definitions", "name=\"Shahkar\"", "name=\"InsuranceList\"");
        assertThat(received).isEmpty();
    }

    @Test
    void handsTheRequestToThePipelineAsASoapInquiry() {
        Wire reply = soap("MOE", envelope("<n:RequestId>moe-42</n:RequestId><n:OnBehalfOf>IKRF</n:OnBehalfOf>",
                shahkar("0499370899", "09121234567")));

        assertThat(reply.status()).isEqualTo(200);
        InquiryRequest request = received.get(0);
        assertThat(request.channel()).isEqualTo(Channel.SOAP);
        assertThat(request.service()).isEqualTo("shahkar");
        assertThat(request.consumer()).contains(new AgencyCode("MOE"));
        assertThat(request.fields())
                .containsExactlyInAnyOrderEntriesOf(Map.of("nationalCode", "0499370899", "mobile", "09121234567"));
        assertThat(request.callerRequestId()).contains("moe-42");
        assertThat(request.onBehalfOf()).contains("IKRF");
        assertThat(request.rejection()).isEmpty();
        assertThat(request.requestBytes()).isPositive();
    }

    @Test
    void answersWithTheGrantedItemsAndTheTrackingIdHeader() {
        Wire reply = soap("MOE", envelope("", shahkar("0499370899", "09121234567")));

        String trackingId = received.get(0).trackingId().toString();
        assertThat(reply.text(NS, "matched")).isEqualTo("true");
        assertThat(reply.text(NS, "TrackingId")).isEqualTo(trackingId);
        assertThat(reply.text(NS, "trackingId")).as("in the reply element").isEqualTo(trackingId);
        assertThat(reply.headers().firstValue("X-NIX-Tracking-Id")).contains(trackingId);
    }

    @Test
    void tellsARefusedCallerWhenToComeBackInTheHttpHeaders() {
        answer = request -> new InquiryReply(request.trackingId(), OutcomeCode.QUOTA_EXCEEDED, Optional.empty(),
                Optional.empty(), Map.of(), "daily quota of the grant is used up", Optional.of(Duration.ofSeconds(90)),
                new byte[0]);

        Wire fault = soap("MOE", envelope("", shahkar("0499370899", "09121234567")));

        assertThat(fault.text(NS, "code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(fault.headers().firstValue("Retry-After")).contains("90");
        assertThat(fault.headers().firstValue("X-NIX-Tracking-Id")).contains(received.get(0).trackingId().toString());
    }

    @Test
    void leavesItemsThatAreNotGrantedAbsent() {
        answer = request -> ok(request, Map.of());

        Wire reply = soap("MOE", envelope("", shahkar("0499370899", "09121234567")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.count(NS, "ShahkarReply")).isOne();
        assertThat(reply.count(NS, "matched")).isZero();
        assertThat(reply.body()).doesNotContain("nil");
    }

    @Test
    void mapsListItemsToRepeatedElements() {
        answer = request -> ok(request, Map.of("persons", List.of(
                Map.of("firstName", "Ali", "daysWorked", 30, "ssoShare", 1_250_000L),
                Map.of("firstName", "Zahra", "daysWorked", 12))));

        Wire reply = soap("IPO", envelope("",
                "<n:InsuranceListRequest><n:enterpriseNationalId>10100000001</n:enterpriseNationalId></n:InsuranceListRequest>"));

        assertThat(received.get(0).service()).isEqualTo("insurance-list");
        assertThat(reply.count(NS, "persons")).isEqualTo(2);
        assertThat(reply.count(NS, "firstName")).isEqualTo(2);
        assertThat(reply.text(NS, "daysWorked")).isEqualTo("30");
        assertThat(reply.text(NS, "ssoShare")).isEqualTo("1250000");
    }

    @Test
    void refusesWithAFaultCarryingCodeAndTrackingId() {
        answer = request -> refused(request, OutcomeCode.INVALID_INPUT, "nationalCode: check digit does not match");

        Wire fault = soap("MOE", envelope("", shahkar("0499370898", "09121234567")));

        assertThat(fault.status()).isEqualTo(500);
        assertThat(fault.plain("faultcode")).endsWith(":Client");
        assertThat(fault.plain("faultstring")).isEqualTo("nationalCode: check digit does not match");
        assertThat(fault.text(NS, "code")).isEqualTo("INVALID_INPUT");
        String trackingId = received.get(0).trackingId().toString();
        assertThat(fault.text(NS, "trackingId")).isEqualTo(trackingId);
        assertThat(fault.text(NS, "TrackingId")).isEqualTo(trackingId);
        assertThat(fault.body()).doesNotContain("0499370898");
    }

    @Test
    void marksProviderFailuresAsServerFaults() {
        answer = request -> refused(request, OutcomeCode.PROVIDER_TIMEOUT, "CRA did not answer within 1000 ms");

        Wire fault = soap("MOE", envelope("", shahkar("0499370899", "09121234567")));

        assertThat(fault.plain("faultcode")).endsWith(":Server");
        assertThat(fault.text(NS, "code")).isEqualTo("PROVIDER_TIMEOUT");
    }

    @Test
    void tellsTheCallerWhenToRetryAfterAQuotaRefusal() {
        answer = request -> new InquiryReply(request.trackingId(), OutcomeCode.QUOTA_EXCEEDED, Optional.empty(),
                Optional.empty(), Map.of(), "daily quota of grant G-1 used up", Optional.of(Duration.ofSeconds(90)), new byte[0]);

        Wire fault = soap("MOE", envelope("", shahkar("0499370899", "09121234567")));

        assertThat(fault.text(NS, "code")).isEqualTo("QUOTA_EXCEEDED");
        assertThat(fault.text(NS, "retryAfterSeconds")).isEqualTo("90");
    }

    @Test
    void refusesAnUnreadableRequestIdThroughThePipeline() {
        Wire fault = soap("MOE", envelope("<n:RequestId>not a token!</n:RequestId>", shahkar("0499370899", "09121234567")));

        assertThat(received.get(0).rejection()).get().extracting(InquiryRequest.Rejection::outcome)
                .isEqualTo(OutcomeCode.INVALID_INPUT);
        assertThat(fault.text(NS, "code")).isEqualTo("INVALID_INPUT");
        assertThat(fault.plain("faultstring")).startsWith("RequestId:");
    }

    @Test
    void recordsMalformedXmlWithoutEchoingIt() {
        Wire fault = soap("MOE", envelope("", "<n:ShahkarRequest><n:nationalCode>0499370899</n:mobile></n:ShahkarRequest>"));

        assertRefusedBeforeAnyOperation(fault, OutcomeCode.MALFORMED_REQUEST);
        assertThat(fault.body()).doesNotContain("0499370899");
        assertThat(received.get(0).consumer()).contains(new AgencyCode("MOE"));
    }

    @Test
    void recordsTextThatIsNoXmlAtAll() {
        Wire fault = soap("MOE", "nationalCode=0499370899");

        assertRefusedBeforeAnyOperation(fault, OutcomeCode.MALFORMED_REQUEST);
        assertThat(fault.body()).doesNotContain("0499370899");
    }

    @Test
    void refusesABodyElementThatNamesNoOperation() {
        Wire fault = soap("MOE", envelope("", "<n:HoroscopeRequest><n:sign>leo</n:sign></n:HoroscopeRequest>"));

        assertRefusedBeforeAnyOperation(fault, OutcomeCode.UNKNOWN_SERVICE);
        assertThat(fault.body()).doesNotContain("leo");
    }

    @Test
    void refusesADeclaredBodyAboveTheLimitUnread() {
        Wire fault = soap("MOE", envelope("", shahkar("0499370899", "x".repeat(MAX_BODY))));

        assertRefusedBeforeAnyOperation(fault, OutcomeCode.PAYLOAD_TOO_LARGE);
        assertThat(received.get(0).requestBytes()).isGreaterThan(MAX_BODY);
    }

    @Test
    void refusesAChunkedBodyOnceItPassesTheLimit() {
        byte[] body = envelope("", shahkar("0499370899", "x".repeat(MAX_BODY))).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/soap/inquiry"))
                .header("Content-Type", "text/xml").header("X-NIX-Consumer", "MOE")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();

        Wire fault = send(request);

        assertRefusedBeforeAnyOperation(fault, OutcomeCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void refusesAnotherMediaType() {
        Wire fault = post("application/json", "MOE", "{\"nationalCode\":\"0499370899\"}");

        assertRefusedBeforeAnyOperation(fault, OutcomeCode.UNSUPPORTED_MEDIA_TYPE);
    }

    @Test
    void recordsAReplySizeCloseToWhatLeaves() {
        Wire reply = soap("MOE", envelope("", shahkar("0499370899", "09121234567")));

        assertThat(encodedSizes.get(0)).isCloseTo(reply.body().getBytes(StandardCharsets.UTF_8).length, Offset.offset(60));
    }

    @Test
    void recordsAFaultSizeCloseToWhatLeaves() {
        answer = request -> refused(request, OutcomeCode.NO_GRANT, "no grant of service shahkar for consumer IRCS");

        Wire fault = soap("IRCS", envelope("", shahkar("0499370899", "09121234567")));

        assertThat(encodedSizes.get(0)).isCloseTo(fault.body().getBytes(StandardCharsets.UTF_8).length, Offset.offset(60));
    }

    private void assertRefusedBeforeAnyOperation(Wire fault, OutcomeCode outcome) {
        assertThat(fault.status()).isEqualTo(500);
        assertThat(received).hasSize(1);
        InquiryRequest request = received.get(0);
        assertThat(request.channel()).isEqualTo(Channel.SOAP);
        assertThat(request.rejection()).get().extracting(InquiryRequest.Rejection::outcome).isEqualTo(outcome);
        assertThat(fault.document()).as("a SOAP fault, not: %s", fault.body()).isNotNull();
        assertThat(fault.text(NS, "code")).isEqualTo(outcome.name());
        assertThat(fault.text(NS, "trackingId")).isEqualTo(request.trackingId().toString());
        assertThat(fault.text(NS, "TrackingId")).isEqualTo(request.trackingId().toString());
        assertThat(fault.plain("faultstring")).isEqualTo(request.rejection().get().detail());
    }
}
