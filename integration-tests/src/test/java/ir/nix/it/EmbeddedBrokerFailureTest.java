package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rule 5 when the embedded broker dies: its data directory is taken away under a running node (as a failed
 * disk or a wrong clean-up would), the broker stops itself on the critical I/O error and never comes back in
 * that process. The node must then refuse inquiries at once with {@code 503 TRAFFIC_PATH_UNAVAILABLE} and
 * their tracking IDs, report itself broken ({@code /actuator/health/liveness} DOWN) so that its supervisor
 * restarts it, and stop on SIGTERM (it used to take over a minute: every listener container's reconnection
 * held the shared connection for Artemis's 2 s retry wait, one after another). Restarted, it serves again.
 * The packaged {@code deploy/target/nix-bus.jar} as its own process, on PostgreSQL.
 */
class EmbeddedBrokerFailureTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BusProcess bus;

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void refusesReportsItselfBrokenAndStopsWhenTheEmbeddedBrokerDies() throws Exception {
        BusProcess.Workspace node = BusProcess.Workspace.fresh("nix-broker-dies");
        bus = BusProcess.startAlone("nix-broker-dies", node.port(), node.dataDir(), node.database());
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> reply = inquire();
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            answered.add(reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow());
        }
        // what was answered reached the store before the disk went: the test is about what follows
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Postgres.recordsPerTrackingId(node.database(), answered).size() == answered.size());

        deleteRecursively(node.dataDir().resolve("artemis"));

        // The broker's disk check runs every 5 s; its critical I/O error stops it for good.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> bus.health("liveness").statusCode() == 503);
        assertThat(bus.health("liveness").body()).contains("DOWN");
        assertThat(bus.health("readiness").statusCode()).isEqualTo(503);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> refused = inquire();
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("code").asString()).isEqualTo("TRAFFIC_PATH_UNAVAILABLE");
            assertThat(problem.path("trackingId").asString()).isNotBlank()
                    .isEqualTo(refused.headers().firstValue("X-NIX-Tracking-Id").orElseThrow());
            assertThat(problem.has("data")).isFalse();
        }
        String log = Files.readString(node.dataDir().resolve("nix.log"));
        assertThat(log).contains("the embedded broker has stopped");

        // Generous: it takes a few seconds here; before the fix it took over 80 s whatever the machine's speed.
        assertThat(bus.terminate(Duration.ofSeconds(60))).as("the node exits on SIGTERM").isTrue();

        bus = BusProcess.startAlone("nix-broker-dies", node.port(), node.dataDir(), node.database());
        HttpResponse<String> again = inquire();
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(bus.health("liveness").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> inquire() throws IOException, InterruptedException {
        return bus.send(HttpRequest.newBuilder(bus.uri("/api/v1/inquiries/shahkar"))
                .header("Content-Type", "application/json").header("X-NIX-Consumer", "MOE")
                .POST(HttpRequest.BodyPublishers.ofString(SHAHKAR)));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
