package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.core.identifier.NationalCode;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
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
    private BusProcess.Workspace node;
    private int amqpPort;

    /** Starts a bus with the embedded broker's AMQP acceptor on a fresh workspace; returns its HTTP port. */
    private int start(String name) throws Exception {
        node = BusProcess.Workspace.fresh(name);
        amqpPort = ArtemisBroker.freePort();
        restart(name);
        return node.port();
    }

    private void restart(String name) throws Exception {
        bus = BusProcess.startAloneWithAmqp(name, node.port(), amqpPort, node.dataDir(), node.database());
    }

    @AfterEach
    void stopBus() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void losesNoDeliveryWhenTheBusRestartsBetweenPublishAndConsume() throws Exception {
        int port = start("nix-publication");
        Publications.IssuedKey bank = Publications.issueKey(port, "CBI");
        Publications.IssuedKey insurer = Publications.issueKey(port, "IHIO");
        try (Connection nocr = Publications.connect(amqpPort, "NOCR")) {
            Publications.publish(nocr.createSession(false, Session.AUTO_ACKNOWLEDGE), "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/07/01"));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> backlog(port, "CBI") == 1 && backlog(port, "IHIO") == 1);

        bus.killMinus9();
        restart("nix-publication");

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

    /**
     * A publication the bus held in memory when it died is lost to the bus, but not to the provider: it has no
     * receipt, so the provider publishes it again (docs/publications.md, section 3). The bus is killed as soon
     * as the last of many publications is sent, while it is fanning them out; every person reaches the
     * subscriber, and every delivery the subscriber holds has its traffic record.
     */
    @Test
    void losesNoPublicationWhenTheBusDiesBeforeFanningItOut() throws Exception {
        Publications.IssuedKey bank = Publications.issueKey(start("nix-fanout"), "CBI");
        Map<String, String> unreceipted = new HashMap<>();  // national code -> its latest publication's message-id
        List<String> persons = IntStream.range(0, PUBLICATIONS)
                .mapToObj(i -> NationalCode.completing(String.format("004%06d", 100 + i)).value()).toList();
        try (Connection nocr = Publications.connect(amqpPort, "NOCR")) {
            Session session = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            for (String person : persons) {
                unreceipted.put(person, Publications.publish(session, "NOCR", "identity-changes",
                        Publications.identityChanges(person, "1404/08/01")).getJMSMessageID());
            }
        }
        bus.killMinus9();
        restart("nix-fanout");

        int republished = 0;
        try (Connection nocr = Publications.connect(amqpPort, "NOCR")) {
            Session session = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            while (!unreceipted.isEmpty()) {
                awaitReceipts(session, unreceipted);
                for (Map.Entry<String, String> lost : unreceipted.entrySet()) {
                    lost.setValue(Publications.publish(session, "NOCR", "identity-changes",
                            Publications.identityChanges(lost.getKey(), "1404/08/01")).getJMSMessageID());
                    republished++;
                }
                assertThat(republished).as("publications sent again").isLessThanOrEqualTo(3 * PUBLICATIONS);
            }
        }
        Map<String, String> tokens = new HashMap<>();
        persons.forEach(person -> tokens.put(Publications.token(bank.key(), person), person));
        List<String> deliveries = new ArrayList<>();
        try (Connection cbi = Publications.connect(amqpPort, "CBI")) {
            Session session = cbi.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Set<String> matched = new HashSet<>();
            while (matched.size() < persons.size()) {
                Publications.Delivery delivery = Publications.receive(session, "CBI", "identity-changes",
                        body -> tokens.containsKey(body.path("entries").path(0).path("token").asString()));
                matched.add(tokens.get(delivery.body().path("entries").path(0).path("token").asString()));
                deliveries.add(delivery.message().getStringProperty("trackingId"));
            }
        }
        System.out.printf("fan-out crash: %d publications, %d published again after the restart, %d deliveries%n",
                PUBLICATIONS, republished, deliveries.size());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Postgres.recordsPerTrackingId(node.database(), deliveries).size() == deliveries.size());
    }

    private static final int PUBLICATIONS = 40;

    /**
     * Takes the receipts that come, until none has come for {@link #RECEIPT_WAIT}: the provider's own patience
     * before publishing again (the bus answers in milliseconds; a late receipt costs a duplicate, never a loss).
     */
    private static void awaitReceipts(Session session, Map<String, String> unreceipted) throws JMSException {
        try (MessageConsumer receipts = session.createConsumer(session.createQueue("nix.NOCR.receipts"))) {
            Message receipt = receipts.receive(RECEIPT_WAIT.toMillis());
            while (receipt != null) {
                String publication = receipt.getJMSCorrelationID();
                unreceipted.values().removeIf(publication::equals);
                receipt = unreceipted.isEmpty() ? null : receipts.receive(RECEIPT_WAIT.toMillis());
            }
        }
    }

    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(15);

    private static double backlog(int port, String subscriber) {
        String metrics = BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/actuator/prometheus")).header("X-NIX-Role", "OPERATOR").build()).raw();
        Matcher line = Pattern.compile("nix_publication_backlog\\{[^}]*feed=\"identity-changes\"[^}]*subscriber=\""
                + subscriber + "\"[^}]*} ([0-9.]+)").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }
}
