package ir.nix.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache Artemis broker, as an operator runs one: the {@code apache-artemis} distribution
 * from Maven Central (unpacked into {@code target/artemis} by the build), an instance made with
 * {@code artemis create} and started as its own process. Only the core/multi-protocol acceptor, on a
 * free port; the address settings of {@code deploy/artemis/nix-address-settings.xml} applied.
 */
final class ArtemisBroker implements AutoCloseable {

    static final String USER = "nix";
    static final String PASSWORD = "nix-test";
    private static final Path HOME = Path.of("target", "artemis", "apache-artemis-2.40.0").toAbsolutePath();
    private static final Path ADDRESS_SETTINGS = Path.of("..", "deploy", "artemis", "nix-address-settings.xml");

    private final int port;
    private final Path instance;
    private Process process;

    private ArtemisBroker(int port, Path instance) {
        this.port = port;
        this.instance = instance;
    }

    static ArtemisBroker create(Path parent) throws IOException, InterruptedException {
        int port = freePort();
        Path instance = parent.resolve("broker");
        List<String> command = new ArrayList<>(List.of("bash", HOME.resolve("bin/artemis").toString(), "create",
                instance.toString(), "--silent", "--user", USER, "--password", PASSWORD, "--require-login",
                "--no-web", "--no-autotune", "--nio", "--no-amqp-acceptor", "--no-mqtt-acceptor",
                "--no-stomp-acceptor", "--no-hornetq-acceptor", "--default-port", Integer.toString(port),
                "--host", "127.0.0.1", "--name", "nix-test-broker"));
        Process create = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(parent.resolve("artemis-create.log").toFile()).start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("artemis create failed: " + Files.readString(parent.resolve("artemis-create.log")));
        }
        applyNixAddressSettings(instance.resolve("etc/broker.xml"));
        return new ArtemisBroker(port, instance);
    }

    private static void applyNixAddressSettings(Path brokerXml) throws IOException {
        String settings = Files.readString(ADDRESS_SETTINGS, StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
        String xml = Files.readString(brokerXml, StandardCharsets.UTF_8);
        if (!xml.contains("<address-settings>")) {
            throw new IllegalStateException("no <address-settings> in " + brokerXml);
        }
        Files.writeString(brokerXml, xml.replaceFirst("<address-settings>", "<address-settings>" + settings),
                StandardCharsets.UTF_8);
    }

    ArtemisBroker start() throws IOException {
        process = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(instance.resolve("broker-console.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(this::accepting);
        return this;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker exited during start-up; see " + instance.resolve("broker-console.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
