package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.NocrSimulator;
import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bus killed ({@code kill -9}) and restarted between NOCR's publication and the subscribers' consumption
 * loses no delivery: the packaged {@code deploy/target/nix-bus.jar} in the demo profile (embedded Artemis)
 * as its own process, on its own data directory and PostgreSQL database.
 */
class PublicationRestartTest {

    private static final String PERSON = NocrSimulator.LIVING.nationalCode();

    private BusProcess bus;

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void losesNoDeliveryWhenTheBusRestartsBetweenPublishAndConsume() throws Exception {
        assertThat(BusProcess.JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
        String database = Postgres.freshDatabase("nix_publication");
        Path dataDir = Files.createTempDirectory("nix-publication-restart-");
        int port = ArtemisBroker.freePort();
        int amqpPort = ArtemisBroker.freePort();
        bus = BusProcess.startAloneWithAmqp("nix-publication", port, amqpPort, dataDir, database);
        Publications.IssuedKey bank = Publications.issueKey(port, "CBI");
        Publications.IssuedKey insurer = Publications.issueKey(port, "IHIO");
        try (Connection nocr = Publications.connect(amqpPort, "NOCR")) {
            Publications.publish(nocr.createSession(false, Session.AUTO_ACKNOWLEDGE), "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/07/01"));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> backlog(port, "CBI") == 1 && backlog(port, "IHIO") == 1);

        bus.killMinus9();
        bus = BusProcess.startAloneWithAmqp("nix-publication", port, amqpPort, dataDir, database);

        for (Map.Entry<String, Publications.IssuedKey> subscriber : Map.of("CBI", bank, "IHIO", insurer).entrySet()) {
            String token = Publications.token(subscriber.getValue().key(), PERSON);
            try (Connection connection = Publications.connect(amqpPort, subscriber.getKey())) {
                Publications.Delivery delivery = Publications.receive(connection.createSession(false,
                        Session.AUTO_ACKNOWLEDGE), subscriber.getKey(), "identity-changes", Publications.holdsToken(token));
                assertThat(Publications.entryWithToken(delivery.body(), token).orElseThrow().path("changeDate").asString())
                        .isEqualTo("1404/07/01");
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog(port, "CBI") == 0 && backlog(port, "IHIO") == 0);
    }

    private static double backlog(int port, String subscriber) {
        String metrics = BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("X-NIX-Role", "OPERATOR").build()).raw();
        Matcher line = Pattern.compile("nix_publication_backlog\\{[^}]*feed=\"identity-changes\"[^}]*subscriber=\""
                + subscriber + "\"[^}]*} ([0-9.]+)").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }
}
