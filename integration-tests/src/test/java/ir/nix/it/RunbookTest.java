package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.adapters.simulator.CraSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * docs/operators.md section 8, "Production runbook", followed literally: the packaged jar's PKI tool,
 * a fresh PostgreSQL database, an external Artemis broker, the TLS files and registry in the documented
 * environment variables, a prod start, the first inquiry with {@code curl --cert} and the scrape with
 * the METRICS certificate (revocation without restart: {@link MutualTlsTest}). Deviations, because this is a test machine:
 * the database is created by the superuser {@code postgres} (trust) under the test prefix instead of
 * a {@code nix} role; the broker is Artemis started in this JVM on a random port (the artemis-server
 * jar, not the standalone distribution); the CRA provider is WireMock with the simulated SHAHKAR.
 */
class RunbookTest {

    private static final Path JAR = Path.of("..", "deploy", "target", "nix-bus.jar").toAbsolutePath().normalize();
    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    @TempDir
    static Path root;

    static Path pki;
    static EmbeddedActiveMQ broker;
    static WireMockServer cra;
    static Process bus;
    static int port;

    @BeforeAll
    static void followTheRunbook() throws Exception {
        pki = root.resolve("pki");
        // 1. PKI
        jar("pki", "init-ca", "--dir", pki.toString(), "--name", "CN=NIX Agency CA,O=NIX,C=IR");
        jar("pki", "issue-server", "--dir", pki.toString(), "--host", "nix.example.ir,127.0.0.1");
        jar("pki", "issue-signing", "--dir", pki.toString(), "--password", "signing-pw");
        jar("pki", "issue", "--dir", pki.toString(), "--agency", "MOE", "--password", "moe-pw");
        jar("pki", "issue", "--dir", pki.toString(), "--person", "prometheus", "--role", "METRICS");
        // 2. PostgreSQL
        String database = Postgres.freshDatabase("nix_runbook");
        // 3. The broker
        int brokerPort = freePort();
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).setJournalDirectory(root.resolve("broker").toString())
                .addAcceptorConfiguration("tcp", "tcp://127.0.0.1:" + brokerPort));
        broker.start();
        cra = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        cra.start();
        new CraSimulator().register(cra, "/cra");
        // 4. TLS files and registry, store and broker
        Map<String, String> environment = new HashMap<>();
        environment.put("NIX_TLS_CERTIFICATE", pki.resolve("server.crt.pem").toString());
        environment.put("NIX_TLS_PRIVATE_KEY", pki.resolve("server.key.pem").toString());
        environment.put("NIX_TLS_TRUSTED_CAS", pki.resolve("ca.crt.pem").toString());
        environment.put("NIX_TLS_CRL", pki.resolve("crl.pem").toString());
        environment.put("NIX_CERTIFICATE_REGISTRY", pki.resolve("registry.yml").toString());
        environment.put("NIX_SIGNING_KEY_STORE", pki.resolve("signing.p12").toString());
        environment.put("NIX_SIGNING_KEY_STORE_PASSWORD", "signing-pw");
        environment.put("NIX_DB_URL", Postgres.url(database));
        environment.put("NIX_DB_USER", Postgres.USER);
        environment.put("NIX_DB_PASSWORD", "");
        environment.put("NIX_ARTEMIS_URL", "tcp://127.0.0.1:" + brokerPort);
        environment.put("NIX_ARTEMIS_USER", "nix");
        environment.put("NIX_ARTEMIS_PASSWORD", "mq-pw");
        environment.put("NIX_PROVIDERS_CRA_BASE_URL", cra.baseUrl() + "/cra");
        // 5. Start
        port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder start = new ProcessBuilder(java, "-Xmx512m", "-jar", JAR.toString(), "--spring.profiles.active=prod",
                "--server.port=" + port, "--nix.data-dir=" + root.resolve("data"))
                .redirectErrorStream(true).redirectOutput(root.resolve("console.log").toFile());
        start.environment().keySet().removeIf(name -> name.startsWith("NIX_"));
        start.environment().putAll(environment);
        bus = start.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            assertThat(bus.isAlive()).as("the bus exited during start-up: %s", console()).isTrue();
            return curl("--cacert", pki.resolve("ca.crt.pem").toString(), "https://127.0.0.1:" + port + "/actuator/health")
                    .contains("UP");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (bus != null) {
            bus.destroy();
            bus.waitFor(60, TimeUnit.SECONDS);
        }
        if (broker != null) {
            broker.stop();
        }
        if (cra != null) {
            cra.stop();
        }
    }

    @Test
    void answersTheFirstInquiryOfTheRunbookAndRefusesItWithoutACertificate() {
        String answered = curl("--cacert", pki.resolve("ca.crt.pem").toString(), "--cert", pki.resolve("issued/MOE.crt.pem").toString(),
                "--key", pki.resolve("issued/MOE.key.pem").toString(), "-H", "Content-Type: application/json", "-d", SHAHKAR,
                "https://127.0.0.1:" + port + "/api/v1/inquiries/shahkar");
        String refused = curl("--cacert", pki.resolve("ca.crt.pem").toString(), "-H", "Content-Type: application/json", "-d", SHAHKAR,
                "https://127.0.0.1:" + port + "/api/v1/inquiries/shahkar");

        assertThat(answered).contains("\"trackingId\"").contains("\"matched\":true");
        assertThat(refused).contains("CONSUMER_NOT_IDENTIFIED").contains("\"trackingId\"");
    }

    @Test
    void letsTheMetricsCertificateScrape() {
        String scraped = curl("--cacert", pki.resolve("ca.crt.pem").toString(), "--cert",
                pki.resolve("issued/prometheus.crt.pem").toString(), "--key", pki.resolve("issued/prometheus.key.pem").toString(),
                "https://127.0.0.1:" + port + "/actuator/prometheus");

        assertThat(scraped).contains("nix_inquiries_total");
    }

    private static String console() {
        try {
            return Files.readString(root.resolve("console.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no console)";
        }
    }

    private static void jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("wrote ");
    }

    private static String curl(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "60"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(90, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
