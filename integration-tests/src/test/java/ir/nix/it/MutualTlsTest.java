package ir.nix.it;

import static ir.nix.it.TlsMaterial.client;
import static ir.nix.it.TlsMaterial.openssl;
import static ir.nix.it.TlsMaterial.opensslCa;
import static ir.nix.it.TlsMaterial.opensslFingerprint;
import static ir.nix.it.TlsMaterial.opensslIssue;
import static ir.nix.it.TlsMaterial.pki;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.identification.RegistryEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Agencies prove who they are (003 Part 3 Art. 13) over real TLS sockets: the connector asks for a
 * certificate and lets every request reach the bus, which answers a refused certificate with a 401
 * problem, a tracking ID and a traffic record. Material from the PKI tool and from openssl.
 */
class MutualTlsTest extends BusUnderTest {

    static final Path PKI = BusUnderTest.DATA_DIR.resolve("mtls-pki");
    static final Path NODE_DIR = BusUnderTest.DATA_DIR.resolve("mtls-node");
    static final String SCRAPER_TOKEN = "mtls-test-scraper-token-0123456789abcdef";
    private static final String SHAHKAR = "{\"nationalCode\":\"" + ShahkarInquiryTest.OWNER + "\",\"mobile\":\""
            + ShahkarInquiryTest.OWNED_MOBILE + "\"}";

    static {
        makeMaterial();
    }

    @DynamicPropertySource
    static void tlsProperties(DynamicPropertyRegistry registry) {
        TlsMaterial.servedFrom(registry, PKI);
        registry.add("nix.tls.crl", () -> PKI.resolve("crl.pem").toString());
        registry.add("nix.tls.reload-check", () -> "100ms");
        registry.add("nix.access.metrics-token", () -> SCRAPER_TOKEN);
        ownNode(registry, NODE_DIR, "nix-mtls");
    }

    private static void makeMaterial() {
        try {
            Files.createDirectories(PKI);
            pki(PKI, "init-ca", "--name", "CN=NIX Test Agency CA,O=NIX,C=IR");
            pki(PKI, "issue-server", "--host", "localhost,127.0.0.1");
            pki(PKI, "issue", "--agency", "MOE");
            pki(PKI, "issue", "--agency", "MSRT");
            pki(PKI, "issue", "--agency", "IRCS", "--valid-from", "2020-01-01", "--days", "30");
            pki(PKI, "issue", "--agency", "IKRF", "--valid-from", "2099-01-01");
            pki(PKI, "issue", "--agency", "TVTO");
            pki(PKI, "revoke", "--name", "TVTO");
            pki(PKI, "issue", "--person", "operator", "--role", "OPERATOR");
            pki(PKI, "issue", "--person", "scraper", "--role", "METRICS");
            // openssl: an agency certificate from our CA the registry does not know, two it knows by
            // fingerprint (openssl's colon notation and plain lower-case hex), and a CA nobody trusts.
            opensslIssue(PKI, "unregistered", "/CN=CBI/O=NIX", "ca.crt.pem", "ca.key.pem");
            opensslIssue(PKI, "colons", "/CN=POLICE/O=NIX", "ca.crt.pem", "ca.key.pem");
            opensslIssue(PKI, "lowercase", "/CN=JUD/O=NIX", "ca.crt.pem", "ca.key.pem");
            opensslCa(PKI, "rogue-ca");
            opensslIssue(PKI, "rogue", "/CN=MOE/OU=Agencies/O=NIX", "rogue-ca.crt.pem", "rogue-ca.key.pem");
            List<RegistryEntry> entries = new ArrayList<>(CertificateRegistry.read(PKI.resolve("registry.yml")).entries());
            entries.add(new RegistryEntry("police", "POLICE", null, null, null, opensslFingerprint(PKI, "colons.crt.pem")));
            entries.add(new RegistryEntry("jud", "JUD", null, null, null,
                    opensslFingerprint(PKI, "lowercase.crt.pem").replace(":", "").toLowerCase(Locale.ROOT)));
            CertificateRegistry.write(PKI.resolve("registry.yml"), entries, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpClient as(String issued) {
        return client(PKI.resolve("ca.crt.pem"), PKI.resolve("issued/" + issued + ".crt.pem"), PKI.resolve("issued/" + issued + ".key.pem"));
    }

    private static HttpClient opensslMade(String name) {
        return client(PKI.resolve("ca.crt.pem"), PKI.resolve(name + ".crt.pem"), PKI.resolve(name + ".key.pem"));
    }

    private Reply inquire(HttpClient client, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/inquiries/shahkar")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(SHAHKAR));
        headers.forEach(request::header);
        return send(client, request.build());
    }

    private Reply get(HttpClient client, String path) {
        return send(client, HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    static Reply send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode body = raw.startsWith("{") ? JSON.readTree(raw) : null;
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("X-NIX-Tracking-Id").orElse(null), body, raw, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The exchange's traffic record, read by an operator certificate once it is written. */
    private JsonNode recordOf(Reply reply) {
        HttpClient operator = as("operator");
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> get(operator, "/api/v1/traffic?trackingId=" + reply.trackingHeader()), found -> found.status() == 200)
                .body();
    }

    private void assertRefused(Reply reply, String detail, String reason, boolean withCertificate) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).isEqualTo("CONSUMER_NOT_IDENTIFIED");
        assertThat(reply.body().path("detail").asString()).contains(detail);
        assertThat(reply.body().path("trackingId").asString()).isEqualTo(reply.trackingHeader()).isNotBlank();
        JsonNode record = recordOf(reply);
        assertThat(record.path("outcome").asString()).isEqualTo("CONSUMER_NOT_IDENTIFIED");
        assertThat(record.path("status").asInt()).isEqualTo(401);
        assertThat(record.path("reason").asString()).isEqualTo(reason);
        assertThat(record.path("consumer").isNull() || record.path("consumer").isMissingNode()).isTrue();
        if (withCertificate) {
            assertThat(record.path("clientCertificate").asString()).hasSize(64);
        }
    }

    @Test
    void answersARegisteredValidAgencyCertificate() {
        HttpClient moe = as("MOE");
        // The first exchange of a cold bus on a busy machine may outlast the test's 1 s provider deadline.
        Reply reply = await().atMost(Duration.ofSeconds(30)).until(() -> inquire(moe, Map.of()),
                answered -> answered.status() != 504);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        JsonNode record = recordOf(reply);
        assertThat(record.path("consumer").asString()).isEqualTo("MOE");
        assertThat(record.path("clientCertificate").asString()).hasSize(64);
    }

    @Test
    void refusesARequestWithoutACertificateAsAnExchange() {
        HttpClient anonymous = client(PKI.resolve("ca.crt.pem"), null, null);

        assertRefused(inquire(anonymous, Map.of()), "no client certificate", "NO_CERTIFICATE", false);
    }

    @Test
    void refusesACertificateOfAnUnknownCa() {
        assertRefused(inquire(opensslMade("rogue"), Map.of()), "not issued by a trusted CA", "UNTRUSTED_ISSUER", true);
    }

    @Test
    void refusesExpiredAndNotYetValidCertificates() {
        assertRefused(inquire(as("IRCS"), Map.of()), "expired", "EXPIRED", true);
        assertRefused(inquire(as("IKRF"), Map.of()), "not yet valid", "NOT_YET_VALID", true);
    }

    @Test
    void refusesACertificateRevokedByTheCrl() throws IOException {
        Path revoked = Files.list(PKI.resolve("issued")).filter(file -> file.getFileName().toString().startsWith("TVTO.revoked-"))
                .findFirst().orElseThrow();
        HttpClient tvto = client(PKI.resolve("ca.crt.pem"), revoked, PKI.resolve("issued/TVTO.key.pem"));

        assertRefused(inquire(tvto, Map.of()), "revoked", "REVOKED_CRL", true);
    }

    @Test
    void refusesACertificateRevokedWhileTheBusRuns() {
        HttpClient msrt = as("MSRT");
        Reply before = inquire(msrt, Map.of());
        assertThat(before.status()).as(before.raw()).isNotEqualTo(401);
        assertThat(recordOf(before).path("consumer").asString()).isEqualTo("MSRT");

        pki(PKI, "revoke", "--name", "MSRT");

        Reply after = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> inquire(msrt, Map.of()), reply -> reply.status() == 401);
        assertRefused(after, "revoked", "REVOKED_CRL", true);
    }

    @Test
    void refusesAnExpiredCertificateOnTheSoapDoorWithAFaultAndARecordedReason() {
        String envelope = HostileInputTest.envelope(null, "<n:ShahkarRequest><n:nationalCode>" + ShahkarInquiryTest.OWNER
                + "</n:nationalCode><n:mobile>" + ShahkarInquiryTest.OWNED_MOBILE + "</n:mobile></n:ShahkarRequest>");
        Reply fault = send(as("IRCS"), HttpRequest.newBuilder(uri("/soap/inquiry")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(envelope)).build());

        assertThat(fault.raw()).contains("Fault>").contains("CONSUMER_NOT_IDENTIFIED").contains("expired");
        assertThat(fault.trackingHeader()).isNotBlank();
        JsonNode record = recordOf(fault);
        assertThat(record.path("channel").asString()).isEqualTo("SOAP");
        assertThat(record.path("reason").asString()).isEqualTo("EXPIRED");
        assertThat(record.path("clientCertificate").asString()).hasSize(64);
    }

    @Test
    void refusesAnOperatorCertificateOnTheInquiryPath() {
        assertRefused(inquire(as("operator"), Map.of()), "not for an agency", "NOT_AN_AGENCY", true);
    }

    @Test
    void refusesAValidCertificateTheRegistryDoesNotKnow() {
        assertRefused(inquire(opensslMade("unregistered"), Map.of()), "not in the certificate registry", "UNREGISTERED", true);
    }

    @Test
    void identifiesByFingerprintInOpensslColonNotationAsInLowerCaseHex() {
        Reply colons = inquire(opensslMade("colons"), Map.of());
        Reply lowercase = inquire(opensslMade("lowercase"), Map.of());

        assertThat(colons.status()).as(colons.raw()).isNotEqualTo(401);
        assertThat(lowercase.status()).as(lowercase.raw()).isNotEqualTo(401);
        assertThat(recordOf(colons).path("consumer").asString()).isEqualTo("POLICE");
        assertThat(recordOf(lowercase).path("consumer").asString()).isEqualTo("JUD");
        assertThat(openssl(PKI, "verify", "-CAfile", "ca.crt.pem", "colons.crt.pem")).contains(": OK");
    }

    @Test
    void headersChangeNothingWhenCertificatesIdentify() {
        HttpClient anonymous = client(PKI.resolve("ca.crt.pem"), null, null);
        Reply claimed = inquire(anonymous, Map.of("X-NIX-Consumer", "MOE", "X-NIX-Role", "OPERATOR"));
        Reply other = inquire(as("MOE"), Map.of("X-NIX-Consumer", "IHIO"));

        assertRefused(claimed, "no client certificate", "NO_CERTIFICATE", false);
        assertThat(other.status()).as(other.raw()).isNotEqualTo(401);
        assertThat(recordOf(other).path("consumer").asString()).isEqualTo("MOE");
        HttpRequest admin = HttpRequest.newBuilder(uri("/api/v1/grants")).header("X-NIX-Role", "OPERATOR").GET().build();
        assertThat(send(as("MOE"), admin).status()).isEqualTo(403);
    }

    @Test
    void metricsAreForTheScraperAndOperatorsNotForAgencies() {
        HttpClient anonymous = client(PKI.resolve("ca.crt.pem"), null, null);
        Reply agency = get(as("MOE"), "/actuator/prometheus");
        Reply nobody = get(anonymous, "/actuator/prometheus");

        assertProblem(agency, 403, "ROLE_NOT_PERMITTED");
        assertProblem(nobody, 401, "VIEWER_NOT_IDENTIFIED");
        Reply scraped = get(as("scraper"), "/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.raw()).contains("nix_identification_refusals_total");
        assertThat(get(as("operator"), "/actuator/prometheus").status()).isEqualTo(200);
        assertThat(get(anonymous, "/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void presentsARenewedServerCertificateWithoutARestart() {
        Path ca = PKI.resolve("ca.crt.pem");
        BigInteger before = TlsMaterial.presentedCertificate(ca, port).getSerialNumber();

        pki(PKI, "issue-server", "--host", "localhost,127.0.0.1");
        BigInteger renewed = TlsMaterial.certificate(PKI.resolve("server.crt.pem")).getSerialNumber();

        assertThat(renewed).isNotEqualTo(before);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> TlsMaterial.presentedCertificate(ca, port).getSerialNumber(), renewed::equals);
        Reply answered = inquire(as("MOE"), Map.of());
        assertThat(answered.status()).as(answered.raw()).isNotEqualTo(401);
    }

    @Test
    void theScrapersBearerTokenReadsTheMetricsAndNothingElse() {
        HttpClient anonymous = client(PKI.resolve("ca.crt.pem"), null, null);

        assertThat(send(anonymous, bearer("/actuator/prometheus", SCRAPER_TOKEN)).raw()).contains("nix_traffic_backlog");
        assertProblem(send(anonymous, bearer("/api/v1/grants", SCRAPER_TOKEN)), 403, "ROLE_NOT_PERMITTED");
        Reply wrong = send(anonymous, bearer("/actuator/prometheus", SCRAPER_TOKEN + "-not"));
        assertProblem(wrong, 401, "VIEWER_NOT_IDENTIFIED");
        assertThat(wrong.raw()).doesNotContain(SCRAPER_TOKEN);
    }

    @Test
    void namesWhyACertificateIdentifiesNoViewer() {
        Reply expired = get(as("IRCS"), "/api/v1/grants");

        assertProblem(expired, 401, "VIEWER_NOT_IDENTIFIED");
        assertThat(expired.body().path("detail").asString()).contains("expired");
    }

    private HttpRequest bearer(String path, String token) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .GET().build();
    }

    private static void assertProblem(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).isEqualTo(code);
        assertThat(reply.trackingHeader()).isNotBlank().isEqualTo(reply.body().path("trackingId").asString());
    }
}
