package ir.nix.it;

import static ir.nix.it.TlsMaterial.client;
import static ir.nix.it.TlsMaterial.openssl;
import static ir.nix.it.TlsMaterial.opensslFingerprint;
import static ir.nix.it.TlsMaterial.opensslIssue;
import static ir.nix.it.TlsMaterial.pki;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.identification.RegistryEntry;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.core.traffic.TrafficStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OCSP for real ({@code NIX_TLS_OCSP=on}, no CRL): an {@code openssl ocsp} responder process answers for
 * the agency CA from an {@code index.txt}, the certificates name it in their AIA, and a second "responder"
 * accepts connections and never answers. Good → answered; revoked → 401 with reason {@code REVOKED_OCSP};
 * a responder that never answers → 401 {@code REVOCATION_UNKNOWN} once {@code nix.tls.ocsp-timeout} has
 * passed (fail closed: without a revocation answer no certificate is accepted); a verdict is reused from
 * the cache while the responder is gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OcspTest extends BusUnderTest {

    static final Path PKI = BusUnderTest.DATA_DIR.resolve("ocsp-pki");
    static final Path NODE_DIR = BusUnderTest.DATA_DIR.resolve("ocsp-node");
    static final int RESPONDER_PORT = freePort();
    static final ServerSocket SILENT = silentResponder();
    static final Process RESPONDER;
    private static final String SHAHKAR = "{\"nationalCode\":\"" + ShahkarInquiryTest.OWNER + "\",\"mobile\":\""
            + ShahkarInquiryTest.OWNED_MOBILE + "\"}";

    static {
        makeMaterial();
        RESPONDER = startResponder();
    }

    @Autowired
    TrafficStore store;

    @DynamicPropertySource
    static void ocspProperties(DynamicPropertyRegistry registry) {
        TlsMaterial.servedFrom(registry, PKI);
        registry.add("nix.tls.ocsp", () -> "on");
        // Generous for a responder on loopback; the silent one makes every check wait this long.
        registry.add("nix.tls.ocsp-timeout", () -> "5s");
        ownNode(registry, NODE_DIR, "nix-ocsp");
    }

    private static ServerSocket silentResponder() {
        try {
            // Connections complete in the kernel's backlog; nobody ever reads the request or answers it.
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void makeMaterial() {
        try {
            Files.createDirectories(PKI);
            pki(PKI, "init-ca", "--name", "CN=NIX OCSP Test CA,O=NIX,C=IR");
            pki(PKI, "issue-server", "--host", "localhost,127.0.0.1");
            Files.writeString(PKI.resolve("aia.ext"), "authorityInfoAccess = OCSP;URI:http://127.0.0.1:" + RESPONDER_PORT + "/\n");
            Files.writeString(PKI.resolve("silent.ext"), "authorityInfoAccess = OCSP;URI:http://127.0.0.1:"
                    + SILENT.getLocalPort() + "/\n");
            opensslIssue(PKI, "good", "/CN=MOE/O=NIX", "ca.crt.pem", "ca.key.pem", "-extfile", "aia.ext");
            opensslIssue(PKI, "revoked", "/CN=JUD/O=NIX", "ca.crt.pem", "ca.key.pem", "-extfile", "aia.ext");
            opensslIssue(PKI, "unanswered", "/CN=CBI/O=NIX", "ca.crt.pem", "ca.key.pem", "-extfile", "silent.ext");
            // openssl ca's database: V(alid) or R(evoked), expiry, revocation time, serial, file, subject.
            Files.writeString(PKI.resolve("index.txt"), indexLine("V", "", "good") + indexLine("R", "260101000000Z", "revoked"),
                    StandardCharsets.US_ASCII);
            List<RegistryEntry> entries = new ArrayList<>();
            entries.add(new RegistryEntry("moe", "MOE", null, null, null, opensslFingerprint(PKI, "good.crt.pem")));
            entries.add(new RegistryEntry("jud", "JUD", null, null, null, opensslFingerprint(PKI, "revoked.crt.pem")));
            entries.add(new RegistryEntry("cbi", "CBI", null, null, null, opensslFingerprint(PKI, "unanswered.crt.pem")));
            CertificateRegistry.write(PKI.resolve("registry.yml"), entries, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String indexLine(String status, String revokedAt, String name) {
        String serial = openssl(PKI, "x509", "-in", name + ".crt.pem", "-noout", "-serial").strip().replace("serial=", "");
        String subject = openssl(PKI, "x509", "-in", name + ".crt.pem", "-noout", "-subject", "-nameopt", "compat")
                .strip().replace("subject=", "").strip();
        return String.join("\t", status, "491231235959Z", revokedAt, serial, "unknown", subject) + "\n";
    }

    private static Process startResponder() {
        try {
            Process responder = new ProcessBuilder("openssl", "ocsp", "-index", "index.txt", "-port", Integer.toString(RESPONDER_PORT),
                    "-rsigner", "ca.crt.pem", "-rkey", "ca.key.pem", "-CA", "ca.crt.pem", "-ignore_err", "-timeout", "10")
                    .directory(PKI.toFile()).redirectErrorStream(true).redirectOutput(PKI.resolve("responder.log").toFile()).start();
            // Its own word, not a probe: openssl's responder serves one connection at a time, and an empty one
            // stalls it. In this thread: the class is still being initialised, another thread would wait for it.
            Path log = PKI.resolve("responder.log");
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("waiting for OCSP client connections"));
            return responder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopResponders() throws IOException {
        RESPONDER.destroy();
        SILENT.close();
    }

    private static HttpClient as(String name) {
        return client(PKI.resolve("ca.crt.pem"), PKI.resolve(name + ".crt.pem"), PKI.resolve(name + ".key.pem"));
    }

    private Reply inquire(HttpClient client) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/inquiries/shahkar"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SHAHKAR)).build();
        return MutualTlsTest.send(client, request);
    }

    private TrafficRecord recordOf(Reply reply) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> store.find(reply.trackingHeader()), found -> found.isPresent()).orElseThrow();
    }

    private void assertRefused(Reply reply, String detail, String reason) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
        assertThat(reply.body().path("code").asString()).isEqualTo("CONSUMER_NOT_IDENTIFIED");
        assertThat(reply.body().path("detail").asString()).contains(detail);
        TrafficRecord record = recordOf(reply);
        assertThat(record.outcome().name()).isEqualTo("CONSUMER_NOT_IDENTIFIED");
        assertThat(record.reason()).isEqualTo(reason);
        assertThat(record.clientCertificate()).hasSize(64);
    }

    @Test
    @Order(1)
    void answersACertificateItsResponderCallsGood() {
        Reply reply = await().atMost(Duration.ofSeconds(60)).until(() -> inquire(as("good")), answered -> answered.status() != 504);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(recordOf(reply).consumer().value()).isEqualTo("MOE");
    }

    @Test
    @Order(2)
    void refusesACertificateItsResponderCallsRevoked() {
        assertRefused(inquire(as("revoked")), "revoked (by its OCSP responder)", "REVOKED_OCSP");
    }

    @Test
    @Order(3)
    void refusesACertificateWhoseResponderNeverAnswersOnceTheTimeoutHasPassed() {
        assertRefused(inquire(as("unanswered")), "could not be established", "REVOCATION_UNKNOWN");
    }

    @Test
    @Order(4)
    void reusesAVerdictFromTheCacheWhileTheResponderIsGone() throws InterruptedException {
        RESPONDER.destroy();
        assertThat(RESPONDER.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Reply good = await().atMost(Duration.ofSeconds(60)).until(() -> inquire(as("good")), answered -> answered.status() != 504);
        assertThat(good.status()).as(good.raw()).isEqualTo(200);
        assertRefused(inquire(as("revoked")), "revoked (by its OCSP responder)", "REVOKED_OCSP");
    }
}
