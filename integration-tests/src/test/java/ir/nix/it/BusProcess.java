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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One bus node as its own process: the packaged {@code deploy/target/nix-bus.jar} in the demo profile
 * (simulated providers, demo grants, header identification) on a PostgreSQL database - either on the shared
 * engines of a cluster ({@link #start}: an external Artemis broker and the cluster-wide quota counter) or on
 * its own ({@link #startAlone}: the embedded broker). Started means ready: the readiness probe said UP.
 */
final class BusProcess implements AutoCloseable {

    static final Path JAR = Path.of("..", "deploy", "target", "nix-bus.jar").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Duration START_UP = Duration.ofSeconds(300);

    private final String node;
    private final int port;
    private final int healthPort;
    private final Process process;
    private final long launchedNanos = System.nanoTime();
    private Duration readyAfter;

    private BusProcess(String node, int port, int healthPort, Process process) {
        this.node = node;
        this.port = port;
        this.healthPort = healthPort;
        this.process = process;
    }

    static BusProcess start(String node, Path dataDir, String database, String brokerUrl, List<String> extra)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.artemis.mode=native",
                "--spring.artemis.embedded.enabled=false",
                "--spring.artemis.broker-url=" + brokerUrl,
                "--spring.artemis.user=" + ArtemisBroker.USER,
                "--spring.artemis.password=" + ArtemisBroker.PASSWORD,
                "--nix.quota.store=postgresql"));
        arguments.addAll(extra);
        int port = ArtemisBroker.freePort();
        return launch(node, port, port, dataDir, database, "-Xmx384m", arguments);
    }

    /** What a node started on its own keeps across its restarts: a fresh PostgreSQL database, data directory and port. */
    record Workspace(String database, Path dataDir, int port) {

        static Workspace fresh(String name) throws IOException {
            assertThat(JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
            return new Workspace(Postgres.freshDatabase(name.replace('-', '_')), Files.createTempDirectory(name + "-"),
                    ArtemisBroker.freePort());
        }
    }

    /**
     * A node on its own, with the demo profile's embedded broker (persistent in {@code dataDir}) and no AMQP
     * acceptor, on {@code port}: a node restarted on the same port and data directory is the same node again.
     */
    static BusProcess startAlone(String node, int port, Path dataDir, String database) throws IOException {
        // No AMQP acceptor: these tests need none, and the default port 5673 may be another bus's.
        return launch(node, port, port, dataDir, database, "-Xmx512m", List.of("--nix.messaging.amqp-port=0"));
    }

    /**
     * As {@link #startAlone}, with {@code extra} arguments and the probes on a plain-HTTP management port of their
     * own, for a node whose {@code port} speaks TLS.
     */
    static BusProcess startAlone(String node, int port, Path dataDir, String database, List<String> extra)
            throws IOException {
        int management = ArtemisBroker.freePort();
        List<String> arguments = new ArrayList<>(List.of("--nix.messaging.amqp-port=0",
                "--management.server.port=" + management));
        arguments.addAll(extra);
        return launch(node, port, management, dataDir, database, "-Xmx384m", arguments);
    }

    /** As {@link #startAlone}, with the embedded broker's AMQP acceptor for agencies on loopback {@code amqpPort}. */
    static BusProcess startAloneWithAmqp(String node, int port, int amqpPort, Path dataDir, String database)
            throws IOException {
        return launch(node, port, port, dataDir, database, "-Xmx512m", List.of("--nix.messaging.amqp-host=127.0.0.1",
                "--nix.messaging.amqp-port=" + amqpPort));
    }

    private static BusProcess launch(String node, int port, int healthPort, Path dataDir, String database, String heap,
                                     List<String> extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, heap, "-jar", JAR.toString(),
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--nix.node=" + node,
                "--nix.data-dir=" + dataDir,
                "--spring.datasource.url=" + Postgres.url(database),
                "--spring.datasource.username=" + Postgres.USER,
                "--logging.file.name=" + dataDir.resolve("nix.log")));
        // Generous provider deadlines: the demo's in-process simulators answer a cold JVM's first calls in seconds
        // on a busy machine (ClusterTest once got 504 at the default 5 s). No test of these processes times out a provider.
        for (String agency : List.of("cra", "post", "nocr", "sso", "ipo")) {
            command.add("--nix.providers." + agency + ".timeout=30s");
        }
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("console.log").toFile())).start();
        BusProcess bus = new BusProcess(node, port, healthPort, process);
        try {
            // Rule 7: generous; a cold JVM took 125 s to start on the shared 2-core machine (load 19).
            await().atMost(START_UP).pollInterval(Duration.ofMillis(250)).until(bus::ready);
        } catch (RuntimeException | AssertionError notUp) {
            process.destroyForcibly();  // a bus that never came up must not outlive the test, holding connections
            throw notUp;
        }
        bus.readyAfter = Duration.ofNanos(System.nanoTime() - bus.launchedNanos);
        return bus;
    }

    /** From launch until readiness said UP, as this test saw it (polled every 250 ms). */
    Duration readyAfter() {
        return readyAfter;
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

    /**
     * SIGTERM, as a supervisor stops a node, then up to {@code within} for the process to exit.
     *
     * @return whether it exited in time (if not, it is killed)
     */
    boolean terminate(Duration within) throws InterruptedException {
        process.destroy();
        boolean exited = process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        return exited;
    }

    /** {@code /actuator/health/<group>} ({@code liveness}, {@code readiness}) on the probes' port. */
    HttpResponse<String> health(String group) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/actuator/health/" + group))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    int port() {
        return port;
    }

    /**
     * Whether the node reports itself ready ({@code /actuator/health/readiness} UP: Camel, the traffic path,
     * the policy bundle and the provider clients are up); fails when its process died meanwhile.
     */
    private boolean ready() {
        assertThat(process.isAlive()).as("the bus process exited during start-up").isTrue();
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + healthPort + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
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
