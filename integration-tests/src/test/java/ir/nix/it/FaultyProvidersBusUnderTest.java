package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.deploy.NixBusApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A bus of its own (demo profile, embedded store and broker) in front of one healthy provider and four
 * failing ones, over real sockets: Post hangs, NOCR drips its reply a byte at a time, SSO refuses
 * connections, the Privatization Organization answers 500 (until a test lets it recover). Its own
 * context, so open circuits never leak into the other test classes' bus.
 */
@SpringBootTest(classes = NixBusApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
abstract class FaultyProvidersBusUnderTest {

    /** The failing providers' deadline: short, because every one of them is cut at it. */
    static final Duration DEADLINE = Duration.ofSeconds(1);
    /** The healthy provider's: generous, so a busy machine never times it out. */
    static final Duration HEALTHY_TIMEOUT = Duration.ofSeconds(20);
    static final int POST_BULKHEAD = 4;
    static final int ADMISSION_LIMIT = 48;

    static final Path DATA_DIR = BusUnderTest.createDataDir("nix-faults-");
    static final WireMockServer CRA = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .disableRequestJournal());
    static final WireMockServer IPO = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .disableRequestJournal());
    static final FaultyProvider HANGING_POST = start(true);
    static final FaultyProvider DRIPPING_NOCR = start(false);
    static final int REFUSING_SSO_PORT = BusUnderTest.freePort();

    static {
        CRA.start();
        new CraSimulator().register(CRA, "/cra");
        IPO.start();
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void busProperties(DynamicPropertyRegistry registry) {
        registry.add("nix.data-dir", DATA_DIR::toString);
        registry.add("nix.node", () -> "nix-faults");
        registry.add("spring.artemis.embedded.server-id", () -> "77");
        registry.add("spring.artemis.embedded.data-directory", () -> DATA_DIR.resolve("artemis").toString());
        registry.add("nix.simulators.enabled", () -> "false");
        registry.add("nix.messaging.amqp-host", () -> "127.0.0.1");
        registry.add("nix.messaging.amqp-port", BusUnderTest::freePort);
        registry.add("nix.admission.max-in-flight", () -> Integer.toString(ADMISSION_LIMIT));
        registry.add("nix.providers.cra.base-url", () -> CRA.baseUrl() + "/cra");
        registry.add("nix.providers.cra.timeout", HEALTHY_TIMEOUT::toString);
        registry.add("nix.providers.post.base-url", HANGING_POST::baseUrl);
        registry.add("nix.providers.post.timeout", DEADLINE::toString);
        registry.add("nix.providers.post.max-concurrent-calls", () -> Integer.toString(POST_BULKHEAD));
        registry.add("nix.providers.post.breaker.minimum-calls", () -> "4");
        registry.add("nix.providers.post.breaker.window", () -> "8");
        registry.add("nix.providers.nocr.base-url", DRIPPING_NOCR::baseUrl);
        registry.add("nix.providers.nocr.timeout", DEADLINE::toString);
        // NOCR's circuit never opens here: every identity inquiry must reach the drip to show the deadline.
        registry.add("nix.providers.nocr.breaker.minimum-calls", () -> "1000");
        registry.add("nix.providers.nocr.breaker.window", () -> "1000");
        registry.add("nix.providers.sso.base-url", () -> "http://127.0.0.1:" + REFUSING_SSO_PORT);
        registry.add("nix.providers.sso.timeout", DEADLINE::toString);
        registry.add("nix.providers.ipo.base-url", () -> IPO.baseUrl() + "/ipo");
        registry.add("nix.providers.ipo.timeout", DEADLINE::toString);
        registry.add("nix.providers.ipo.breaker.window", () -> "4");
        registry.add("nix.providers.ipo.breaker.minimum-calls", () -> "4");
        registry.add("nix.providers.ipo.breaker.open-duration", () -> "1s");
        registry.add("nix.providers.ipo.breaker.half-open-calls", () -> "1");
    }

    /** The Privatization Organization answers every call with a bare 500. */
    static void ipoFails() {
        IPO.resetAll();
        IPO.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(500).withBody("boom")));
    }

    /** The Privatization Organization is back. */
    static void ipoRecovers() {
        IPO.resetAll();
        new IpoSimulator().register(IPO, "/ipo");
    }

    BusUnderTest.Reply inquire(String service, String consumer, String body) {
        return BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inquiries/" + service))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("X-NIX-Consumer", consumer)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    BusUnderTest.Reply get(String path) {
        return BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-NIX-Role", "OPERATOR").GET().build());
    }

    /** The exchange's traffic record, once the batch writer has stored it. */
    JsonNode trafficRecord(String trackingId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> get("/api/v1/traffic?trackingId=" + trackingId), reply -> reply.status() == 200)
                .body();
    }

    private static FaultyProvider start(boolean hanging) {
        try {
            return hanging ? FaultyProvider.hanging() : FaultyProvider.dripping(Duration.ofMillis(100));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
