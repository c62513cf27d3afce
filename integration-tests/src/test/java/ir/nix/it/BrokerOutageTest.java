package ir.nix.it;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.deploy.NixBusApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 11, rule 5: the broker goes away under traffic. The bus answers at once with
 * {@code 503 TRAFFIC_PATH_UNAVAILABLE} (tracking ID, {@code Retry-After}) rather than a reply without its
 * record, readiness goes DOWN, and when the broker is back traffic resumes and every reply that carried
 * data has its record. The broker is a real Artemis on its own port, behind a {@link TcpProxy} the test cuts.
 */
@SpringBootTest(classes = NixBusApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrokerOutageTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    static final Path DATA_DIR = BusUnderTest.createDataDir("nix-broker-outage-");
    static final WireMockServer CRA = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
            .disableRequestJournal());
    private static final AtomicInteger BROKER_PORT = new AtomicInteger();
    static final EmbeddedActiveMQ BROKER = startBroker();
    static final TcpProxy BROKER_LINK = proxy(BROKER_PORT.get());

    @LocalServerPort
    int port;

    static {
        CRA.start();
        new CraSimulator().register(CRA, "/cra");
    }

    @DynamicPropertySource
    static void busProperties(DynamicPropertyRegistry registry) {
        registry.add("nix.data-dir", DATA_DIR::toString);
        registry.add("nix.node", () -> "nix-broker-outage");
        registry.add("nix.simulators.enabled", () -> "false");
        registry.add("nix.messaging.amqp-host", () -> "127.0.0.1");
        registry.add("nix.messaging.amqp-port", BusUnderTest::freePort);
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.embedded.enabled", () -> "false");
        // callTimeout: the bounded wait for a durable send's acknowledgement.
        registry.add("spring.artemis.broker-url", () -> "tcp://127.0.0.1:" + BROKER_LINK.port() + "?callTimeout=3000");
        registry.add("nix.providers.cra.base-url", () -> CRA.baseUrl() + "/cra");
        registry.add("nix.providers.cra.timeout", () -> "20s");
    }

    @AfterAll
    static void stop() throws Exception {
        BROKER_LINK.close();
        BROKER.stop();
        CRA.stop();
    }

    @Test
    void refusesQuicklyWhileTheBrokerIsDownAndRecordsEveryAnsweredExchange() throws Exception {
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            BusUnderTest.Reply reply = inquire();
            assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
            answered.add(reply.trackingHeader());
        }

        BROKER_LINK.cut();
        long start = System.nanoTime();
        BusUnderTest.Reply refused = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .until(() -> keep(inquire(), answered), reply -> reply.status() == 503);
        Duration firstRefusal = Duration.ofNanos(System.nanoTime() - start);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("code").asString()).isEqualTo("TRAFFIC_PATH_UNAVAILABLE");
        assertThat(refused.body().path("trackingId").asString()).isEqualTo(refused.trackingHeader()).isNotBlank();
        assertThat(refused.body().has("data")).isFalse();
        assertThat(refused.header("Retry-After")).isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().status() == 503);
        long again = System.nanoTime();
        BusUnderTest.Reply next = keep(inquire(), answered);
        System.out.println("broker cut: first 503 after " + firstRefusal.toMillis() + " ms, next refusal in "
                + (System.nanoTime() - again) / 1_000_000 + " ms; readiness " + readiness().raw());
        assertThat(next.status()).isEqualTo(503);

        BROKER_LINK.restore();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> readiness().status() == 200);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> keep(inquire(), answered).status() == 200);

        for (String trackingId : answered) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> get("/api/v1/traffic?trackingId=" + trackingId).status() == 200);
        }
    }

    /** Keeps the tracking ID of every reply that carried data: each must have its record. */
    private static BusUnderTest.Reply keep(BusUnderTest.Reply reply, List<String> answered) {
        if (reply.status() == 200) {
            answered.add(reply.trackingHeader());
        }
        return reply;
    }

    private BusUnderTest.Reply inquire() {
        return BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inquiries/shahkar"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("X-NIX-Consumer", "MOE")
                .POST(HttpRequest.BodyPublishers.ofString(SHAHKAR)).build());
    }

    private BusUnderTest.Reply readiness() {
        return get("/actuator/health/readiness");
    }

    private BusUnderTest.Reply get(String path) {
        return BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-NIX-Role", "OPERATOR").GET().build());
    }

    private static EmbeddedActiveMQ startBroker() {
        try (ServerSocket free = new ServerSocket(0)) {
            BROKER_PORT.set(free.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(true)
                    .setSecurityEnabled(false)
                    .setJournalDirectory(DATA_DIR.resolve("broker/journal").toString())
                    .setBindingsDirectory(DATA_DIR.resolve("broker/bindings").toString())
                    .setLargeMessagesDirectory(DATA_DIR.resolve("broker/large").toString())
                    .setPagingDirectory(DATA_DIR.resolve("broker/paging").toString())
                    .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + BROKER_PORT.get());
            EmbeddedActiveMQ broker = new EmbeddedActiveMQ().setConfiguration(configuration);
            broker.start();
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TcpProxy proxy(int target) {
        try {
            return new TcpProxy(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
