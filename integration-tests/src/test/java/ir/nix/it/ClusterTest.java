package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two bus processes, one PostgreSQL store and a standalone Artemis broker on this machine: a cluster of
 * stateless nodes on shared engines (issue 14). Inquiries go to both nodes; a grant's rate limit holds
 * across them; each node's records are stored, chained and verified; one report, one subject lookup and
 * the cluster view see both; {@code kill -9} of one node loses nothing it answered while the other
 * keeps serving. The last test kills a node, so the order is fixed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final String SUBJECT = "0499370899";
    private static final String SHAHKAR = "{\"nationalCode\":\"" + SUBJECT + "\",\"mobile\":\"09121234567\"}";
    private static final String POSTAL = "{\"postalCode\":\"1193653471\"}";
    private static final int DAILY_LIMIT = 12;
    private static final Path SHIPPED_BUNDLE = Path.of("..", "nix-policy", "src", "main", "resources", "ir", "nix",
            "policy", "bundle", "default");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Path work;
    private static Path bundle;
    private static String database;
    private static ArtemisBroker broker;
    private static BusProcess nodeA;
    private static BusProcess nodeB;
    private static final List<String> answered = new ArrayList<>();

    @BeforeAll
    static void startTheCluster() throws Exception {
        assertThat(BusProcess.JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
        work = Files.createTempDirectory("nix-cluster-");
        database = Postgres.freshDatabase("nix_cluster");
        broker = ArtemisBroker.create(work).start();
        bundle = sharedBundle(work.resolve("policy"));
        List<String> subjectKeys = List.of("--nix.subject-token.enabled=true",
                "--nix.subject-token.keys." + YearMonth.now(ZoneOffset.UTC) + "=" + BusUnderTest.SUBJECT_KEY_THIS_MONTH,
                "--nix.policy.bundle=" + bundle, "--nix.policy.watch-quiet-period=200ms");
        // One after the other: both would run Flyway on the fresh database at once otherwise.
        nodeA = BusProcess.start("nix-a", Files.createDirectory(work.resolve("nix-a")), database, broker.url(), subjectKeys);
        nodeB = BusProcess.start("nix-b", Files.createDirectory(work.resolve("nix-b")), database, broker.url(), subjectKeys);
    }

    /** The shipped bundle in a directory both nodes read, as a shared mount or ConfigMap would be. */
    private static Path sharedBundle(Path directory) throws IOException {
        Files.createDirectory(directory);
        try (var files = Files.list(SHIPPED_BUNDLE)) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
        Path demoGrants = directory.resolve("demo-grants.yaml");
        String grants = Files.readString(demoGrants, StandardCharsets.UTF_8);
        assertThat(grants).contains("perDay: 1000");
        Files.writeString(demoGrants, grants.replace("perDay: 1000", "perDay: " + DAILY_LIMIT), StandardCharsets.UTF_8);
        return directory;
    }

    @AfterAll
    static void stopTheCluster() {
        for (AutoCloseable part : new AutoCloseable[] {nodeA, nodeB, broker}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception ignored) {
                // best effort: the processes die with the test JVM's temp directory anyway
            }
        }
    }

    @Test
    @Order(1)
    void answersOnBothNodesAndStoresEveryRecordOnceWithItsNode() throws Exception {
        for (int i = 0; i < 10; i++) {
            for (BusProcess node : List.of(nodeA, nodeB)) {
                HttpResponse<String> reply = inquire(node, "shahkar", "MOE", SHAHKAR);
                assertThat(reply.statusCode()).isEqualTo(200);
                answered.add(reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow());
            }
        }

        awaitStored(answered);
        assertThat(Postgres.recordsPerTrackingId(database, answered).values()).containsOnly(1);
        assertThat(nodesOf(answered)).containsExactlyInAnyOrder("nix-a", "nix-b");
    }

    @Test
    @Order(2)
    void holdsAGrantsLimitAcrossBothNodes() throws Exception {
        // The test bundle gives CBI's postal-address grant 5 a second and 12 a day: each node counting alone
        // would pass 12 a day on its own, 24 together. Four clients, two per node, go on until refused for the day.
        ExecutorService clients = Executors.newFixedThreadPool(4);
        AtomicInteger permitted = new AtomicInteger();
        AtomicInteger refusedForRate = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            BusProcess node = t % 2 == 0 ? nodeA : nodeB;
            work.add(() -> {
                for (int i = 0; i < 200; i++) {
                    HttpResponse<String> reply = inquire(node, "postal-address", "CBI", POSTAL);
                    if (reply.statusCode() == 200) {
                        permitted.incrementAndGet();
                    } else if (reply.statusCode() == 429 && reply.body().contains(DAILY_LIMIT + " requests per day")) {
                        return null;
                    } else if (reply.statusCode() == 429) {
                        refusedForRate.incrementAndGet();
                    }
                }
                return null;
            });
        }
        long started = System.nanoTime();
        for (Future<Void> done : clients.invokeAll(work)) {
            done.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();

        System.out.printf("cluster quota: %d permitted, %d refused for the rate over %.2f s across two nodes%n",
                permitted.get(), refusedForRate.get(), seconds);
        assertThat(permitted.get()).isEqualTo(DAILY_LIMIT);
    }

    @Test
    @Order(3)
    void verifiesTheChainOfEachNode() throws Exception {
        awaitStored(answered);
        long stored = storedRecords();
        Process verify = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                BusProcess.JAR.toString(), "verify", "--db-url", Postgres.url(database), "--db-user", Postgres.USER)
                .redirectErrorStream(true).redirectOutput(work.resolve("verify.log").toFile()).start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String report = Files.readString(work.resolve("verify.log"), StandardCharsets.UTF_8);

        assertThat(verify.exitValue()).as(report).isZero();
        assertThat(report).contains("RESULT: INTACT").doesNotContain("BROKEN");
        // each writer chains what it stores, whichever node answered: together they cover every record
        long verified = 0;
        Matcher records = Pattern.compile("records: +(\\d+) verified").matcher(report);
        while (records.find()) {
            verified += Long.parseLong(records.group(1));
        }
        assertThat(verified).as(report).isGreaterThanOrEqualTo(stored);
    }

    @Test
    @Order(4)
    void reportsAndLooksUpTheExchangesOfBothNodesFromEitherNode() throws Exception {
        awaitStored(answered);
        JsonNode report = JSON.readTree(nodeA.send(HttpRequest.newBuilder(nodeA.uri(
                "/api/v1/reports/exchanges?" + ReportTest.aroundToday() + "&groupBy=consumer&service=shahkar"))
                .header("X-NIX-Role", "AUDITOR")).body());
        JsonNode lookup = JSON.readTree(nodeB.send(HttpRequest.newBuilder(nodeB.uri("/api/v1/traffic/subject-lookup"))
                .header("Content-Type", "application/json").header("X-NIX-Role", "AUDITOR")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nationalCode\":\"" + SUBJECT + "\"}"))).body());

        // both nodes' exchanges: those of the first test, sent half to each
        assertThat(ReportTest.exchangesByGroup(report, "consumer").get("MOE")).as(report.toString())
                .isGreaterThanOrEqualTo(answered.size());
        Set<String> found = new HashSet<>();
        lookup.path("exchanges").forEach(exchange -> found.add(exchange.path("trackingId").asString()));
        assertThat(found).containsAll(answered);
    }

    @Test
    @Order(5)
    void showsEveryNodeAndItsBundleInTheClusterView() throws Exception {
        JsonNode view = clusterView(nodeB);

        List<String> nodes = new ArrayList<>();
        view.path("nodes").forEach(node -> nodes.add(node.path("node").asString()));
        assertThat(nodes).as(view.toString()).contains("nix-a", "nix-b");
        assertThat(view.path("bundleAgreed").asBoolean()).isTrue();
        view.path("nodes").forEach(node ->
                assertThat(node.path("policy").path("sha256").asString()).isEqualTo(view.path("policy").path("sha256").asString()));
    }

    @Test
    @Order(6)
    void reloadsAChangedBundleOnEveryNode() throws Exception {
        String before = clusterView(nodeA).path("policy").path("sha256").asString();
        Path descriptor = bundle.resolve("bundle.yaml");
        Files.writeString(descriptor, Files.readString(descriptor, StandardCharsets.UTF_8)
                .replace("version: \"1.0.0\"", "version: \"1.0.1-cluster\""), StandardCharsets.UTF_8);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (BusProcess node : List.of(nodeA, nodeB)) {
                assertThat(clusterView(node).path("policy").path("version").asString()).as(node.node()).isEqualTo("1.0.1-cluster");
            }
        });
        for (BusProcess node : List.of(nodeA, nodeB)) {
            assertThat(inquire(node, "shahkar", "MOE", SHAHKAR).statusCode()).isEqualTo(200);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode view = clusterView(nodeB);
            assertThat(view.path("bundleAgreed").asBoolean()).as(view.toString()).isTrue();
            view.path("nodes").forEach(node -> assertThat(node.path("policy").path("version").asString())
                    .as(view.toString()).isEqualTo("1.0.1-cluster"));
        });
        assertThat(clusterView(nodeA).path("policy").path("sha256").asString()).isNotEqualTo(before);
    }

    @Test
    @Order(7)
    void losesNothingAKilledNodeAnsweredWhileTheOtherKeepsServing() throws Exception {
        ConcurrentLinkedQueue<String> beforeKill = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(2);
        clients.submit(() -> sendUntilStopped(nodeA, sending, beforeKill));
        clients.submit(() -> sendUntilStopped(nodeB, sending, beforeKill));
        await().atMost(Duration.ofSeconds(90)).until(() -> beforeKill.size() >= 100);

        nodeA.killMinus9();
        List<String> afterKill = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> reply = inquire(nodeB, "shahkar", "MOE", SHAHKAR);
            assertThat(reply.statusCode()).as("nix-b keeps serving").isEqualTo(200);
            afterKill.add(reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow());
        }
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<String> all = new ArrayList<>(beforeKill);
        all.addAll(afterKill);
        awaitStored(all);
        assertThat(Postgres.recordsPerTrackingId(database, all).values()).containsOnly(1);
        assertThat(nodesOf(all)).contains("nix-a", "nix-b");
    }

    private static JsonNode clusterView(BusProcess node) throws IOException, InterruptedException {
        return JSON.readTree(node.send(HttpRequest.newBuilder(node.uri("/api/v1/cluster/nodes"))
                .header("X-NIX-Role", "OPERATOR")).body());
    }

    private static void sendUntilStopped(BusProcess node, AtomicBoolean sending, ConcurrentLinkedQueue<String> answered) {
        while (sending.get() && node.alive()) {
            try {
                HttpResponse<String> reply = inquire(node, "shahkar", "MOE", SHAHKAR);
                if (reply.statusCode() == 200) {
                    reply.headers().firstValue("X-NIX-Tracking-Id").ifPresent(answered::add);
                }
            } catch (IOException nodeGone) {
                // killed mid-request: that exchange was never answered, so it owes no record
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static HttpResponse<String> inquire(BusProcess node, String service, String consumer, String body)
            throws IOException, InterruptedException {
        return node.send(HttpRequest.newBuilder(node.uri("/api/v1/inquiries/" + service))
                .header("Content-Type", "application/json").header("X-NIX-Consumer", consumer)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static void awaitStored(List<String> trackingIds) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> Postgres.recordsPerTrackingId(database, trackingIds).size() == trackingIds.size());
    }

    private static long storedRecords() throws Exception {
        try (Connection db = Postgres.connect(database);
             PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM traffic_record");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> nodesOf(List<String> trackingIds) throws Exception {
        Set<String> nodes = new HashSet<>();
        try (Connection db = Postgres.connect(database);
             PreparedStatement query = db.prepareStatement(
                     "SELECT DISTINCT bus_node FROM traffic_record WHERE tracking_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", trackingIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    nodes.add(rows.getString(1));
                }
            }
        }
        return nodes;
    }
}
