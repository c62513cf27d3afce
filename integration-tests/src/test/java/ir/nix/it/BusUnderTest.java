package ir.nix.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import ir.nix.deploy.NixBusApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real bus (demo profile, embedded store) on a random port, in front of WireMock provider
 * agencies on their own random ports. Tests talk to it over HTTP only.
 */
@SpringBootTest(classes = NixBusApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
public abstract class BusUnderTest {

    /** One data directory per test JVM: the Spring context (and its H2 file) is shared across test classes. */
    static final Path DATA_DIR = createDataDir("nix-it-");
    static final WireMockServer PROVIDERS = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .disableRequestJournal());
    /** Generous: a healthy provider on loopback answers well within it even on a busy machine. */
    static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(10);
    /** A stub this late never answers within any test: a timeout test depends on no machine's speed. */
    static final Duration NEVER = Duration.ofMinutes(2);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Test-only subject-token keys (base64 of 32 bytes). */
    static final String SUBJECT_KEY_THIS_MONTH = "bml4LXRlc3Qtc3ViamVjdC1rZXktdGhpcy1tb250aCE=";
    static final String SUBJECT_KEY_LAST_MONTH = "bml4LXRlc3Qtc3ViamVjdC1rZXktbGFzdC1tb250aCE=";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        // Logging is configured before dynamic property sources apply: set its file here. The test log is
        // at TRACE for the bus's own code so that the no-content scan reads everything the bus can write.
        System.setProperty("logging.file.name", DATA_DIR.resolve("nix.log").toString());
        System.setProperty("logging.level.ir.nix", "TRACE");
        PROVIDERS.start();
        new CraSimulator().register(PROVIDERS, "/cra");
        new PostSimulator().register(PROVIDERS, "/post");
        new NocrSimulator().register(PROVIDERS, "/nocr");
        new SsoSimulator().register(PROVIDERS, "/sso");
        new IpoSimulator().register(PROVIDERS, "/ipo");
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void busProperties(DynamicPropertyRegistry registry) {
        registry.add("nix.data-dir", DATA_DIR::toString);
        registry.add("nix.simulators.enabled", () -> "false");
        registry.add("nix.subject-token.enabled", () -> "true");
        registry.add("nix.subject-token.keys." + YearMonth.now(ZoneOffset.UTC), () -> SUBJECT_KEY_THIS_MONTH);
        registry.add("nix.subject-token.keys." + YearMonth.now(ZoneOffset.UTC).minusMonths(1), () -> SUBJECT_KEY_LAST_MONTH);
        registry.add("nix.providers.cra.base-url", () -> PROVIDERS.baseUrl() + "/cra");
        registry.add("nix.providers.cra.timeout", () -> PROVIDER_TIMEOUT.toMillis() + "ms");
        registry.add("nix.traffic.checkpoint-interval", () -> "300ms");
        registry.add("nix.providers.post.base-url", () -> PROVIDERS.baseUrl() + "/post");
        registry.add("nix.providers.post.timeout", () -> PROVIDER_TIMEOUT.toMillis() + "ms");
        registry.add("nix.providers.nocr.base-url", () -> PROVIDERS.baseUrl() + "/nocr");
        registry.add("nix.providers.nocr.timeout", () -> PROVIDER_TIMEOUT.toMillis() + "ms");
        registry.add("nix.providers.sso.base-url", () -> PROVIDERS.baseUrl() + "/sso");
        registry.add("nix.providers.sso.timeout", () -> PROVIDER_TIMEOUT.toMillis() + "ms");
        registry.add("nix.providers.ipo.base-url", () -> PROVIDERS.baseUrl() + "/ipo");
        registry.add("nix.providers.ipo.timeout", () -> PROVIDER_TIMEOUT.toMillis() + "ms");
        // This context is shared by many test classes: a circuit opened by one class's provider faults must
        // not refuse the next class's calls. Circuits are shown in a context of their own (ProviderIsolationTest).
        for (String provider : new String[] {"cra", "post", "nocr", "sso", "ipo"}) {
            registry.add("nix.providers." + provider + ".breaker.minimum-calls", () -> "1000");
            registry.add("nix.providers." + provider + ".breaker.window", () -> "1000");
        }
        // Every cached bus context runs its own broker: each gets a free AMQP port (read it from MessagingProperties).
        registry.add("nix.messaging.amqp-host", () -> "127.0.0.1");
        registry.add("nix.messaging.amqp-port", BusUnderTest::freePort);
    }

    /** In-VM broker server IDs of the nodes of {@link #ownNode}, one per node name (the base contexts use 77 and 99). */
    private static final Map<String, Integer> BROKER_IDS = new ConcurrentHashMap<>();
    private static final AtomicInteger NEXT_BROKER_ID = new AtomicInteger(100);

    /**
     * Moves a bus context of a test class's own onto its own store, broker and node name under {@code dir},
     * beside the shared context ({@code nix.data-dir} is this class's and cannot be overridden). Each node name gets
     * an in-VM broker ID of its own: two cached contexts with one ID fail to start their brokers' acceptors.
     */
    static void ownNode(DynamicPropertyRegistry registry, Path dir, String node) {
        int brokerServerId = BROKER_IDS.computeIfAbsent(node, unused -> NEXT_BROKER_ID.getAndIncrement());
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dir.resolve("traffic")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        registry.add("spring.artemis.embedded.data-directory", () -> dir.resolve("artemis").toString());
        registry.add("spring.artemis.embedded.server-id", () -> Integer.toString(brokerServerId));
        registry.add("nix.node", () -> node);
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh temporary directory for a bus's store, broker journal and log. */
    static Path createDataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reply as the caller sees it. */
    record Reply(int status, String contentType, String trackingHeader, JsonNode body, String raw, HttpHeaders headers) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    Reply post(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    Reply inquire(String service, String consumer, String body) {
        return post("/api/v1/inquiries/" + service, Map.of("Content-Type", "application/json", "X-NIX-Consumer", consumer), body);
    }

    Reply get(String path) {
        return get(path, Map.of());
    }

    Reply get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    static Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw.isBlank() || raw.charAt(0) != '{' && raw.charAt(0) != '[' ? null : JSON.readTree(raw);
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-NIX-Tracking-Id").orElse(null), body, raw, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the exchange's traffic record is written (records are batched off the request path). */
    JsonNode trafficRecord(String trackingId) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> get("/api/v1/traffic?trackingId=" + trackingId, Map.of("X-NIX-Role", "OPERATOR")),
                        reply -> reply.status() == 200)
                .body();
    }

    /** The exchange's one traffic record (the store keys records by tracking ID) holds this outcome. */
    protected JsonNode assertRecorded(Reply reply, String outcome, int status, String decision) {
        JsonNode record = trafficRecord(reply.trackingHeader());
        assertThat(record.path("trackingId").asString()).isEqualTo(reply.trackingHeader());
        assertThat(record.path("outcome").asString()).isEqualTo(outcome);
        assertThat(record.path("status").asInt()).isEqualTo(status);
        assertThat(record.path("decision").asString()).isEqualTo(decision);
        assertThat(record.path("channel").asString()).isEqualTo("REST");
        return record;
    }
}
