package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the bus under traffic: after a restart, every reply a client received has its
 * traffic record, exactly once. Runs the packaged {@code deploy/target/nix-bus.jar} as its own process.
 */
class CrashRecoveryTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BusProcess bus;

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void keepsTheRecordOfEveryAnsweredExchangeAcrossKillMinusNine() throws Exception {
        BusProcess.Workspace node = BusProcess.Workspace.fresh("nix-crash");
        String database = node.database();

        bus = BusProcess.startAlone("nix-crash", node.port(), node.dataDir(), database);
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        HttpRequest inquiry = HttpRequest.newBuilder(bus.uri("/api/v1/inquiries/shahkar"))
                .header("Content-Type", "application/json").header("X-NIX-Consumer", "MOE")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(SHAHKAR)).build();
        for (int i = 0; i < 4; i++) {
            clients.submit(() -> sendUntilStopped(inquiry, sending, answered));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= 300);
        bus.killMinus9();  // SIGKILL: no shutdown hooks, no flush
        sending.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        List<String> received = new ArrayList<>(answered);

        bus = BusProcess.startAlone("nix-crash", node.port(), node.dataDir(), database);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Postgres.recordsPerTrackingId(database, received).size() == received.size());
        assertThat(Postgres.recordsPerTrackingId(database, received).values()).containsOnly(1);
    }

    private static void sendUntilStopped(HttpRequest inquiry, AtomicBoolean sending, ConcurrentLinkedQueue<String> answered) {
        while (sending.get()) {
            try {
                HttpResponse<String> reply = HTTP.send(inquiry, HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    reply.headers().firstValue("X-NIX-Tracking-Id").ifPresent(answered::add);
                }
            } catch (IOException busGone) {
                // the bus was killed mid-request: that exchange was never answered, so it owes no record
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
