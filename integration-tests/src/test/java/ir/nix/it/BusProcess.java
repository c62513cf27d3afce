package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One bus node as its own process: the packaged {@code deploy/target/nix-bus.jar} in the demo profile
 * (simulated providers, demo grants, header identification) on the shared engines of a cluster - one
 * PostgreSQL database, an external Artemis broker and the cluster-wide quota counter.
 */
final class BusProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "deploy", "target", "nix-bus.jar").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String node;
    private final int port;
    private final Process process;

    private BusProcess(String node, int port, Process process) {
        this.node = node;
        this.port = port;
        this.process = process;
    }

    static BusProcess start(String node, Path dataDir, String database, ArtemisBroker broker, List<String> extra)
            throws IOException {
        int port = ArtemisBroker.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-jar", JAR.toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--nix.node=" + node,
                "--nix.data-dir=" + dataDir,
                "--spring.datasource.url=" + Postgres.url(database),
                "--spring.datasource.username=" + Postgres.USER,
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=" + broker.url(),
                "--spring.artemis.user=" + ArtemisBroker.USER,
                "--spring.artemis.password=" + ArtemisBroker.PASSWORD,
                "--nix.quota.store=postgresql",
                "--logging.file.name=" + dataDir.resolve("nix.log")));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("console.log").toFile()).start();
        BusProcess bus = new BusProcess(node, port, process);
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(bus::healthUp);
        } catch (RuntimeException | AssertionError notUp) {
            process.destroyForcibly();  // a bus that never came up must not outlive the test, holding connections
            throw notUp;
        }
        return bus;
    }

    String node() {
        return node;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void killMinus9() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private boolean healthUp() {
        return healthUp(port, process);
    }

    /** Whether the bus on {@code port} reports UP; fails when its process {@code bus} died meanwhile. */
    static boolean healthUp(int port, Process bus) {
        assertThat(bus.isAlive()).as("the bus process exited during start-up").isTrue();
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("UP");
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
