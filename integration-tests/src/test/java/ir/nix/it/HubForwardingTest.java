package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster IX hubs (003 Art. 32, issue 14): one artifact, two bus processes with their own configuration and
 * store. The cluster hub {@code health} hosts {@code postal-address} and forwards every other service to the
 * national hub over mutual TLS with its own certificate from {@code nix-bus pki issue}; the national hub knows
 * that certificate as the forwarding hub {@code HUB_HEALTH} for its agencies, decides the policy for the
 * original consumer and records the exchange with the cluster hub's tracking ID as its parent.
 */
class HubForwardingTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    private static final String POSTAL = "{\"postalCode\":\"1193653471\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path pki;
    private static String nationalStore;
    private static String clusterStore;
    private static BusProcess national;
    private static BusProcess cluster;

    @BeforeAll
    static void startBothHubs() throws Exception {
        assertThat(BusProcess.JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
        Path work = Files.createTempDirectory("nix-hubs-");
        pki = Files.createDirectory(work.resolve("pki"));
        TlsMaterial.pki(pki, "init-ca", "--name", "CN=NIX Hubs Test CA,O=NIX,C=IR");
        TlsMaterial.pki(pki, "issue-server", "--host", "localhost,127.0.0.1");
        TlsMaterial.pki(pki, "issue", "--agency", "HUB_HEALTH");
        TlsMaterial.pki(pki, "issue", "--agency", "MOE");
        nationalStore = Postgres.freshDatabase("nix_hub_national");
        clusterStore = Postgres.freshDatabase("nix_hub_health");
        int nationalPort = ArtemisBroker.freePort();
        national = BusProcess.startAlone("nix-national", nationalPort, Files.createDirectory(work.resolve("national")),
                nationalStore, List.of(
                        "--nix.identification.mode=certificate",
                        "--nix.tls.certificate=" + pki.resolve("server.crt.pem"),
                        "--nix.tls.private-key=" + pki.resolve("server.key.pem"),
                        "--nix.tls.trusted-cas=" + pki.resolve("ca.crt.pem"),
                        "--nix.tls.crl=" + pki.resolve("crl.pem"),
                        "--nix.tls.certificate-registry=" + pki.resolve("registry.yml"),
                        "--nix.hub.name=national",
                        "--nix.hub.forwarders[HUB_HEALTH]=MOE,IRCS"));
        cluster = BusProcess.startAlone("nix-health", ArtemisBroker.freePort(), Files.createDirectory(work.resolve("health")),
                clusterStore, List.of(
                        "--nix.hub.name=health",
                        "--nix.hub.services=postal-address",
                        "--nix.hub.national.url=https://127.0.0.1:" + nationalPort,
                        "--nix.hub.national.ssl-bundle=national-hub",
                        // generous: the national hub's first inquiries pay for a cold JVM on a busy machine
                        "--nix.hub.national.timeout=60s",
                        "--spring.ssl.bundle.pem.national-hub.keystore.certificate=" + pki.resolve("issued/HUB_HEALTH.crt.pem"),
                        "--spring.ssl.bundle.pem.national-hub.keystore.private-key=" + pki.resolve("issued/HUB_HEALTH.key.pem"),
                        "--spring.ssl.bundle.pem.national-hub.truststore.certificate=" + pki.resolve("ca.crt.pem")));
    }

    @AfterAll
    static void stopBothHubs() {
        Optional.ofNullable(cluster).ifPresent(BusProcess::close);
        Optional.ofNullable(national).ifPresent(BusProcess::close);
    }

    @Test
    void forwardsAnInquiryForAServiceItDoesNotHostAndRecordsItOnBothHubs() throws Exception {
        HttpResponse<String> reply = ClusterTest.inquire(cluster, "shahkar", "MOE", SHAHKAR);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        String trackingId = reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow();
        assertThat(JSON.readTree(reply.body()).path("data").path("matched").isBoolean()).as(reply.body()).isTrue();
        Map<String, String> here = recordOf(clusterStore, trackingId);
        Map<String, String> there = recordOf(nationalStore, trackingId);
        assertThat(here).containsEntry("tracking_id", trackingId).containsEntry("consumer", "MOE")
                .containsEntry("decision", "FORWARDED").containsEntry("status", "200").containsEntry("bus_node", "nix-health");
        assertThat(there).containsEntry("parent_tracking_id", trackingId).containsEntry("consumer", "MOE")
                .containsEntry("decision", "PERMIT").containsEntry("status", "200").containsEntry("bus_node", "nix-national");
        assertThat(there.get("tracking_id")).isNotEqualTo(trackingId);
        assertThat(there.get("client_certificate")).as("the forwarding hub's certificate").isNotBlank();
    }

    @Test
    void passesOnTheNationalHubsDenialUnderItsOwnTrackingId() throws Exception {
        // IRCS has no SHAHKAR grant: no grant, no data, decided on the national hub
        HttpResponse<String> reply = ClusterTest.inquire(cluster, "shahkar", "IRCS", SHAHKAR);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(403);
        JsonNode problem = JSON.readTree(reply.body());
        String trackingId = reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow();
        assertThat(problem.path("code").asString()).isEqualTo("NO_GRANT");
        assertThat(problem.path("trackingId").asString()).isEqualTo(trackingId);
        assertThat(recordOf(clusterStore, trackingId)).containsEntry("decision", "FORWARDED").containsEntry("outcome", "NO_GRANT");
        assertThat(recordOf(nationalStore, trackingId)).containsEntry("decision", "DENY").containsEntry("outcome", "NO_GRANT")
                .containsEntry("consumer", "IRCS");
    }

    @Test
    void answersAServiceItHostsItself() throws Exception {
        HttpResponse<String> reply = ClusterTest.inquire(cluster, "postal-address", "CBI", POSTAL);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        String trackingId = reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow();
        assertThat(recordOf(clusterStore, trackingId)).containsEntry("decision", "PERMIT").containsEntry("provider", "POST");
        assertThat(records(nationalStore, trackingId)).isEmpty();
    }

    @ParameterizedTest(name = "{0} forwarding for {1}")
    @CsvSource({"MOE, IRCS", "HUB_HEALTH, CBI"})
    void refusesForwardingFromAnAgencyOrForAnAgencyNotOfTheHub(String certificate, String forwardedFor) throws Exception {
        HttpClient caller = TlsMaterial.client(pki.resolve("ca.crt.pem"), pki.resolve("issued/" + certificate + ".crt.pem"),
                pki.resolve("issued/" + certificate + ".key.pem"));
        HttpResponse<String> reply = caller.send(HttpRequest.newBuilder(
                        URI.create("https://127.0.0.1:" + national.port() + "/api/v1/inquiries/shahkar"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("X-NIX-Forwarded-Consumer", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(SHAHKAR)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(403);
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("code").asString()).isEqualTo("REDELEGATION_FORBIDDEN");
        assertThat(problem.path("detail").asString()).contains("only a registered hub may forward");
        String trackingId = problem.path("trackingId").asString();
        assertThat(recordOf(nationalStore, trackingId)).containsEntry("consumer", certificate)
                .containsEntry("outcome", "REDELEGATION_FORBIDDEN");
    }

    /** The one record of {@code store} that is, or names as its parent, the exchange {@code trackingId}. */
    private static Map<String, String> recordOf(String store, String trackingId) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> records(store, trackingId), found -> found.size() == 1).get(0);
    }

    private static List<Map<String, String>> records(String store, String trackingId) throws Exception {
        List<Map<String, String>> found = new ArrayList<>();
        try (Connection db = Postgres.connect(store);
             PreparedStatement query = db.prepareStatement("SELECT tracking_id, parent_tracking_id, consumer, provider,"
                     + " decision, outcome, status, bus_node, client_certificate FROM traffic_record"
                     + " WHERE tracking_id = ? OR parent_tracking_id = ?")) {
            query.setString(1, trackingId);
            query.setString(2, trackingId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        row.put(rows.getMetaData().getColumnName(column), rows.getString(column));
                    }
                    found.add(row);
                }
            }
        }
        return found;
    }
}
