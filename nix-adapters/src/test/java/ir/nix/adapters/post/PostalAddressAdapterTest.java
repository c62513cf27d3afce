package ir.nix.adapters.post;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.SimulatedAgency;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.soap.SoapProviderClients;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GNAF adapter against the simulated Iran Post, over SOAP through the generated CXF client. */
class PostalAddressAdapterTest {

    /** A valid postal code answered with a GNAF error code the adapter does not know. */
    static final String ODD_CODE_POSTAL_CODE = "1364739185";

    static SimulatedAgency post;
    static SoapProviderClients soap;
    static PostalAddressAdapter adapter;
    /** Iran Post as a provider that accepts the call and never answers. */
    static PostalAddressAdapter silent;

    @BeforeAll
    static void startPost() {
        post = SimulatedAgency.start(new PostSimulator());
        soap = new SoapProviderClients(SimulatedAgency.properties());
        adapter = new PostalAddressAdapter(post.endpoints(PostalAddressAdapter.POST), soap);
        silent = new PostalAddressAdapter(SimulatedAgency.silent(PostalAddressAdapter.POST), soap);
        String path = post.path(PostalAddressAdapter.SERVICE_PATH);
        post.server().stubFor(post(urlPathEqualTo(path)).atPriority(1)
                .withRequestBody(containing(ODD_CODE_POSTAL_CODE))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml; charset=utf-8").withBody(
                        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                                + "<GetAddressByPostcodeResponse xmlns=\"" + PostSimulator.NAMESPACE + "\"><GetAddressByPostcodeResult>"
                                + "<ErrorCode>3</ErrorCode></GetAddressByPostcodeResult></GetAddressByPostcodeResponse>"
                                + "</soap:Body></soap:Envelope>")));
    }

    @AfterAll
    static void stopPost() {
        soap.destroy();
        post.close();
    }

    private static ProviderResult inquire(PostalAddressAdapter adapter, String postalCode) {
        return adapter.call(call(adapter, postalCode, SimulatedAgency.TIMEOUT));
    }

    /** A call to {@link #silent}, which never answers: its deadline is short. */
    private static ProviderResult inquireSilent(String postalCode) {
        return silent.call(call(silent, postalCode, SimulatedAgency.SILENT_TIMEOUT));
    }

    private static ProviderCall call(PostalAddressAdapter adapter, String postalCode, Duration timeout) {
        return SimulatedAgency.call(SimulatedAgency.descriptor(adapter), "IRCS", Map.of("postalCode", postalCode), timeout);
    }

    @Test
    void answersTheWrittenAddressOfAKnownPostalCode() {
        ProviderResult result = inquire(adapter, PostSimulator.TEHRAN_POSTAL_CODE);

        assertThat(result).isInstanceOf(ProviderResult.Answered.class);
        Map<String, Object> data = ((ProviderResult.Answered) result).data();
        assertThat(data).containsEntry("province", "تهران").containsEntry("city", "تهران")
                .containsEntry("locality", "یوسف‌آباد").containsEntry("street", "خیابان بیست و یکم")
                .containsEntry("alley", "کوچه نسترن").containsEntry("plaque", "14").containsEntry("floor", "3")
                .containsEntry("unit", "7").containsEntry("buildingName", "ساختمان نگین")
                .containsEntry("description", "ضلع شمالی، زنگ دوم");
    }

    @Test
    void answersExactlyTheServiceItemsEvenWhenGnafHasNothingForSome() {
        ProviderResult result = inquire(adapter, PostSimulator.RURAL_POSTAL_CODE);

        Map<String, Object> data = ((ProviderResult.Answered) result).data();
        assertThat(data.keySet()).containsExactlyElementsOf(SimulatedAgency.descriptor(adapter).dataItems());
        assertThat(data).containsEntry("city", "فیروزآباد").containsEntry("alley", null).containsEntry("unit", null);
    }

    @Test
    void acceptsThePrintedFormOfThePostalCode() {
        ProviderResult result = inquire(adapter, "81739-55551");

        assertThat(((ProviderResult.Answered) result).data()).containsEntry("province", "اصفهان");
    }

    @Test
    void reportsNotFoundWithoutTheValue() {
        ProviderResult result = inquire(adapter, PostSimulator.UNKNOWN_POSTAL_CODE);

        assertThat(result).isInstanceOf(ProviderResult.NotFound.class);
        assertThat(((ProviderResult.NotFound) result).detail()).doesNotContain(PostSimulator.UNKNOWN_POSTAL_CODE);
    }

    @Test
    void reportsASoapFaultAsProviderFailure() {
        ProviderResult result = inquire(adapter, PostSimulator.FAILING_POSTAL_CODE);

        assertThat(result).isInstanceOf(ProviderResult.Failed.class);
        assertThat(((ProviderResult.Failed) result).detail()).contains("SOAP fault").doesNotContain(PostSimulator.FAILING_POSTAL_CODE);
    }

    @Test
    void reportsAnUnknownGnafErrorCodeAsProviderFailure() {
        ProviderResult result = inquire(adapter, ODD_CODE_POSTAL_CODE);

        assertThat(result).isEqualTo(new ProviderResult.Failed("POST answered with GNAF error code 3"));
    }

    @Test
    void timesOutWhenGnafNeverAnswers() {
        ProviderResult result = inquireSilent(PostSimulator.TEHRAN_POSTAL_CODE);

        assertThat(result).isInstanceOf(ProviderResult.TimedOut.class);
    }

    @Test
    void staysUsableAfterATimeout() {
        inquireSilent(PostSimulator.TEHRAN_POSTAL_CODE);

        assertThat(inquire(adapter, PostSimulator.SHIRAZ_POSTAL_CODE)).isInstanceOf(ProviderResult.Answered.class);
    }

    @Test
    void reportsUnavailableWhenGnafCannotBeReached() {
        PostalAddressAdapter cutOff = new PostalAddressAdapter(SimulatedAgency.unreachable(PostalAddressAdapter.POST), soap);

        assertThat(inquire(cutOff, PostSimulator.TEHRAN_POSTAL_CODE)).isInstanceOf(ProviderResult.Unavailable.class);
    }

    @Test
    void findsAnEndpointRegisteredAfterStartup() {
        ProviderEndpoints endpoints = new ProviderEndpoints(SimulatedAgency.properties());
        PostalAddressAdapter late = new PostalAddressAdapter(endpoints, soap);
        assertThat(inquire(late, PostSimulator.TEHRAN_POSTAL_CODE)).isInstanceOf(ProviderResult.Unavailable.class);

        endpoints.useSimulated(PostalAddressAdapter.POST, URI.create(post.server().baseUrl() + "/post"));

        assertThat(inquire(late, PostSimulator.TEHRAN_POSTAL_CODE)).isInstanceOf(ProviderResult.Answered.class);
    }

    @Test
    void servesConcurrentCallsWithMixedOutcomes() throws Exception {
        PostalAddressAdapter elsewhere = new PostalAddressAdapter(SimulatedAgency.unreachable(PostalAddressAdapter.POST), soap);
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<ProviderResult>> fast = new ArrayList<>();
            List<Future<ProviderResult>> slow = new ArrayList<>();
            List<Future<ProviderResult>> cutOff = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                slow.add(threads.submit(() -> inquireSilent(PostSimulator.TEHRAN_POSTAL_CODE)));
                fast.add(threads.submit(() -> inquire(adapter, PostSimulator.ISFAHAN_POSTAL_CODE)));
                cutOff.add(threads.submit(() -> inquire(elsewhere, PostSimulator.ISFAHAN_POSTAL_CODE)));
            }
            for (Future<ProviderResult> result : fast) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isInstanceOf(ProviderResult.Answered.class);
            }
            for (Future<ProviderResult> result : slow) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isInstanceOf(ProviderResult.TimedOut.class);
            }
            for (Future<ProviderResult> result : cutOff) {
                assertThat(result.get(2, TimeUnit.MINUTES)).isInstanceOf(ProviderResult.Unavailable.class);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void servesItsWsdlLikeASoapStack() throws Exception {
        HttpResponse<String> wsdl = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(post.server().baseUrl() + post.path(PostalAddressAdapter.SERVICE_PATH) + "?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.body()).contains("GetAddressByPostcode").contains(PostSimulator.NAMESPACE);
    }
}
