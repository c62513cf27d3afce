package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Publications through an external broker, as prod runs them ({@code NIX_ARTEMIS_URL}): a standalone Artemis and
 * the packaged bus as its own process. The backlog per subscriber and the age of its oldest undelivered item are
 * read from that broker's management address, not from an embedded server.
 */
class ExternalBrokerPublicationTest {

    private static final String LIST = "{\"entries\":[{\"enterpriseNationalId\":\"10101234567\",\"enterpriseName\":"
            + "\"test enterprise\",\"status\":\"IN_TRANSFER\",\"lastEntryDate\":\"1403/01/15\"}]}";

    @AutoClose
    private ArtemisBroker broker;
    @AutoClose
    private BusProcess bus;

    @Test
    void showsBacklogAndOldestAgePerSubscriberFromAnExternalBroker() throws Exception {
        assertThat(BusProcess.JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
        Path work = Files.createTempDirectory("nix-external-publications-");
        broker = ArtemisBroker.create(work).start();
        bus = BusProcess.start("nix-external-publications", Files.createDirectory(work.resolve("node")),
                Postgres.freshDatabase("nix_external_pub"), broker.url(), List.of("--nix.publication.backlog-poll=1s"));
        ActiveMQConnectionFactory asBrokerAdmin = new ActiveMQConnectionFactory(broker.url(), ArtemisBroker.USER,
                ArtemisBroker.PASSWORD);
        try (Connection connection = asBrokerAdmin.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            // The provider's send (the external broker authenticates providers itself; its admin stands in here).
            Publications.publish(session, "IPO", "privatization-list", LIST);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> gauge("nix_publication_backlog") == 1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> gauge("nix_publication_oldest_age_seconds") > 0);

            try (MessageConsumer sso = session.createConsumer(session.createQueue("nix.SSO.publications.privatization-list"))) {
                Message delivery = sso.receive(Publications.WAIT.toMillis());
                assertThat(delivery).isNotNull();
                assertThat(delivery.getStringProperty("feed")).isEqualTo("privatization-list");
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> gauge("nix_publication_backlog") == 0 && gauge("nix_publication_oldest_age_seconds") == 0);
        }
    }

    /** SSO's privatization-list gauge, or -1 while the bus does not show it. */
    private double gauge(String name) throws Exception {
        String metrics = bus.send(HttpRequest.newBuilder(bus.uri("/actuator/prometheus")).header("X-NIX-Role", "OPERATOR"))
                .body();
        Matcher line = Pattern.compile(name + "\\{[^}]*feed=\"privatization-list\"[^}]*subscriber=\"SSO\"[^}]*} (\\S+)")
                .matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }
}
