package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: the traffic path on an Artemis primary/backup pair (shared store, two standalone brokers from the
 * {@code apache-artemis} distribution) survives {@code kill -9} of the primary under traffic. A bus process
 * connects with both brokers in its URL ({@code ha=true&reconnectAttempts=-1}); while the backup takes over,
 * replies are {@code 200} or {@code 503 TRAFFIC_PATH_UNAVAILABLE} (never a 500 or a broken connection), every
 * {@code 200}'s record reaches PostgreSQL exactly once, and traffic resumes on the backup.
 */
class BrokerFailoverTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    private static final int CLIENTS = 4;

    private static String database;
    private static ArtemisBroker.Pair brokers;
    private static BusProcess node;

    @BeforeAll
    static void startThePairAndANode() throws Exception {
        assertThat(BusProcess.JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
        Path work = Files.createTempDirectory("nix-failover-");
        database = Postgres.freshDatabase("nix_failover");
        brokers = ArtemisBroker.sharedStorePair(work).start();
        node = BusProcess.start("nix-failover", Files.createDirectory(work.resolve("nix-failover")), database,
                brokers.url(), List.of());
    }

    @AfterAll
    static void stop() {
        Optional.ofNullable(node).ifPresent(BusProcess::close);
        Optional.ofNullable(brokers).ifPresent(ArtemisBroker.Pair::close);
    }

    @Test
    void keepsEveryAnsweredRecordAndResumesOnTheBackupWhenThePrimaryIsKilled() throws Exception {
        Queue<String> answered = new ConcurrentLinkedQueue<>();
        Queue<String> otherReplies = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> sendUntilStopped(sending, answered, otherReplies));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> answered.size() >= 100);

        brokers.primary().killMinus9();
        long killed = System.nanoTime();
        int beforeKill = answered.size();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> answered.size() > beforeKill);
        double firstAnswerAfter = (System.nanoTime() - killed) / 1e9;
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> brokers.backup().accepting() && answered.size() >= beforeKill + 100);
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        System.out.printf("broker failover: %d answered 200 (%d before the kill), first 200 %.1f s after the kill, "
                + "other replies %s%n", answered.size(), beforeKill, firstAnswerAfter, tally(otherReplies));
        assertThat(otherReplies).as("during the switch only refusals for the traffic path, never a 500 or a broken "
                + "connection").allMatch(reply -> reply.equals("503 TRAFFIC_PATH_UNAVAILABLE"));
        List<String> all = new ArrayList<>(answered);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> Postgres.recordsPerTrackingId(database, all).size() == all.size());
        assertThat(Postgres.recordsPerTrackingId(database, all).values()).containsOnly(1);
    }

    private static void sendUntilStopped(AtomicBoolean sending, Queue<String> answered, Queue<String> otherReplies) {
        while (sending.get()) {
            try {
                HttpResponse<String> reply = ClusterTest.inquire(node, "shahkar", "MOE", SHAHKAR);
                if (reply.statusCode() == 200) {
                    answered.add(reply.headers().firstValue("X-NIX-Tracking-Id").orElseThrow());
                } else {
                    otherReplies.add(reply.statusCode() + " " + code(reply.body()));
                }
            } catch (IOException broken) {
                otherReplies.add("no reply: " + broken);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String code(String problem) {
        int at = problem.indexOf("\"code\":\"");
        return at < 0 ? "(no code)" : problem.substring(at + 8, problem.indexOf('"', at + 8));
    }

    private static Map<String, Integer> tally(Queue<String> replies) {
        Map<String, Integer> counts = new TreeMap<>();
        replies.forEach(reply -> counts.merge(reply, 1, Integer::sum));
        return counts;
    }
}
