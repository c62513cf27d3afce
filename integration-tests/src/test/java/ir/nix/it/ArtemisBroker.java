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
 *
 * <p>{@link #sharedStorePair} makes a primary and its backup on one journal directory (shared-store HA, as
 * docs/operators.md recommends for a two-broker pair): the backup waits on the journal's file lock and becomes
 * live when the primary dies.
 */
final class ArtemisBroker implements AutoCloseable {

    static final String USER = "nix";
    static final String PASSWORD = "nix-test";
    private static final Path HOME = Path.of("target", "artemis", "apache-artemis-2.40.0").toAbsolutePath();
    private static final Path ADDRESS_SETTINGS = Path.of("..", "deploy", "artemis", "nix-address-settings.xml");
    /** Logged by a shared-store backup once the primary knows it (and tells its clients): it waits for the journal lock. */
    private static final String BACKUP_WAITING = "AMQ221031";

    private final int port;
    private final Path instance;
    private final boolean backup;
    private Process process;

    private ArtemisBroker(int port, Path instance, boolean backup) {
        this.port = port;
        this.instance = instance;
        this.backup = backup;
    }

    /** One broker on its own. */
    static ArtemisBroker create(Path parent) throws IOException, InterruptedException {
        int port = freePort();
        return create(parent, "broker", port, false, List.of());
    }

    /**
     * A primary and its backup sharing {@code parent/broker-journal}, each announcing itself to the other over
     * a static cluster connection, so that clients learn the backup from the primary. Start the primary first.
     */
    static Pair sharedStorePair(Path parent) throws IOException, InterruptedException {
        int primaryPort = freePort();
        int backupPort = freePort();
        Path journal = parent.resolve("broker-journal");
        List<String> ha = List.of("--shared-store", "--clustered", "--failover-on-shutdown",
                "--cluster-user", USER + "-cluster", "--cluster-password", PASSWORD, "--data", journal.toString());
        ArtemisBroker primary = create(parent, "broker-primary", primaryPort, false,
                with(ha, "--staticCluster", "tcp://127.0.0.1:" + backupPort));
        ArtemisBroker backup = create(parent, "broker-backup", backupPort, true,
                with(ha, "--staticCluster", "tcp://127.0.0.1:" + primaryPort, "--backup"));
        return new Pair(primary, backup);
    }

    /** A primary/backup pair and the URL a bus node connects to it with (both brokers, failover on). */
    record Pair(ArtemisBroker primary, ArtemisBroker backup) implements AutoCloseable {

        String url() {
            return "(" + primary.url() + "," + backup.url() + ")?ha=true&reconnectAttempts=-1";
        }

        Pair start() throws IOException {
            primary.start();
            backup.start();
            return this;
        }

        @Override
        public void close() {
            backup.close();
            primary.close();
        }
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static ArtemisBroker create(Path parent, String name, int port, boolean backup, List<String> extra)
            throws IOException, InterruptedException {
        Path instance = parent.resolve(name);
        List<String> command = new ArrayList<>(List.of("bash", HOME.resolve("bin/artemis").toString(), "create",
                instance.toString(), "--silent", "--user", USER, "--password", PASSWORD, "--require-login",
                "--no-web", "--no-autotune", "--nio", "--no-amqp-acceptor", "--no-mqtt-acceptor",
                "--no-stomp-acceptor", "--no-hornetq-acceptor", "--default-port", Integer.toString(port),
                "--host", "127.0.0.1", "--name", "nix-test-" + name));
        command.addAll(extra);
        Path log = parent.resolve(name + "-create.log");
        Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!create.waitFor(120, TimeUnit.SECONDS) || create.exitValue() != 0) {
            throw new IllegalStateException("artemis create failed: " + Files.readString(log));
        }
        applyNixAddressSettings(instance.resolve("etc/broker.xml"));
        return new ArtemisBroker(port, instance, backup);
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

    /** Started means serving clients or, for a backup, waiting to take over. */
    ArtemisBroker start() throws IOException {
        process = new ProcessBuilder("bash", instance.resolve("bin/artemis").toString(), "run")
                .redirectErrorStream(true)
                .redirectOutput(console().toFile())
                .start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(backup ? this::waitingAsBackup : this::accepting);
        return this;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Whether the broker takes connections (a shared-store backup does only once it is live). */
    boolean accepting() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the broker exited; see " + console());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private boolean waitingAsBackup() throws IOException {
        if (!process.isAlive()) {
            throw new IllegalStateException("the backup broker exited; see " + console());
        }
        return Files.readString(console(), StandardCharsets.UTF_8).contains(BACKUP_WAITING);
    }

    private Path console() {
        return instance.resolve("broker-console.log");
    }

    /** SIGKILL of the broker's JVM: no shutdown, no failover hand-over; the journal's file lock goes with it. */
    void killMinus9() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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
