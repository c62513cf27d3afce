package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.core.ingress.messaging.MessagingProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * NOCR's identity-change publication end to end over AMQP 1.0 (Qpid JMS): NOCR publishes national codes,
 * each subscriber receives tokens under its own key and matches its own customer; nobody else receives
 * anything, and the broker refuses whoever tries.
 */
class PublicationTest extends BusUnderTest {

    private static final String PERSON = NocrSimulator.LIVING.nationalCode();
    private static final String OTHER_PERSON = NocrSimulator.LIVING_FEMALE.nationalCode();

    @Autowired
    MessagingProperties messaging;

    @Test
    void givesEachSubscriberItsOwnTokensWhichItMatchesWithItsOwnKey() throws JMSException {
        Publications.IssuedKey bank = Publications.issueKey(port, "CBI");
        Publications.IssuedKey insurer = Publications.issueKey(port, "IHIO");
        try (Connection nocr = connect("NOCR"); Connection cbi = connect("CBI"); Connection ihio = connect("IHIO")) {
            Publications.publish(nocr.createSession(false, Session.AUTO_ACKNOWLEDGE), "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/05/01", OTHER_PERSON, "1404/05/02"));

            String bankToken = Publications.token(bank.key(), PERSON);
            String insurerToken = Publications.token(insurer.key(), PERSON);
            Publications.Delivery toBank = Publications.receive(cbi.createSession(false, Session.AUTO_ACKNOWLEDGE), "CBI",
                    "identity-changes", Publications.holdsToken(bankToken));
            Publications.Delivery toInsurer = Publications.receive(ihio.createSession(false, Session.AUTO_ACKNOWLEDGE),
                    "IHIO", "identity-changes", Publications.holdsToken(insurerToken));

            assertThat(bankToken).isNotEqualTo(insurerToken);
            assertThat(Publications.entryWithToken(toBank.body(), bankToken).orElseThrow().path("changeDate").asString())
                    .isEqualTo("1404/05/01");
            assertThat(toBank.body().toString()).doesNotContain(PERSON).doesNotContain(OTHER_PERSON)
                    .doesNotContain(insurerToken);
            assertThat(toInsurer.body().toString()).doesNotContain(PERSON).doesNotContain(bankToken);
            assertThat(toBank.message().getIntProperty("keyVersion")).isEqualTo(bank.version());
            assertThat(toBank.message().getIntProperty("entries")).isEqualTo(2);
        }
    }

    @Test
    void givesTheProviderAReceiptNamingThePublicationAndItsDeliveries() throws JMSException {
        Publications.IssuedKey bank = Publications.issueKey(port, "CBI");
        Publications.issueKey(port, "IHIO");
        try (Connection nocr = connect("NOCR"); Connection cbi = connect("CBI")) {
            Session session = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.Message publication = Publications.publish(session, "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/06/11", OTHER_PERSON, "1404/06/12"));

            jakarta.jms.Message receipt = Publications.receipt(session, "NOCR", publication);
            Publications.Delivery delivery = Publications.receive(cbi.createSession(false, Session.AUTO_ACKNOWLEDGE),
                    "CBI", "identity-changes", Publications.holdsToken(Publications.token(bank.key(), PERSON)));

            assertThat(receipt.getStringProperty("outcome")).isEqualTo("DELIVERED");
            assertThat(receipt.getStringProperty("feed")).isEqualTo("identity-changes");
            assertThat(receipt.getStringProperty("publicationId"))
                    .isEqualTo(delivery.message().getStringProperty("publicationId"));
            assertThat(receipt.getIntProperty("entries")).isEqualTo(2);
            assertThat(receipt.getIntProperty("deliveries")).isEqualTo(2);
            assertThat(receipt.getIntProperty("withheld")).isZero();
            assertThat(receipt.getBody(Object.class)).isNull();
        }
    }

    @Test
    void recordsEveryDeliveryWithSizesAndTheSubscriptionOnly() throws JMSException {
        try (Connection nocr = connect("NOCR"); Connection cbi = connect("CBI")) {
            Publications.Delivery delivery = publishToTheBank(nocr, cbi, "1404/06/01");

            JsonNode record = trafficRecord(delivery.message().getStringProperty("trackingId"));

            assertThat(record.path("channel").asString()).isEqualTo("MESSAGING");
            assertThat(record.path("consumer").asString()).isEqualTo("CBI");
            assertThat(record.path("provider").asString()).isEqualTo("NOCR");
            assertThat(record.path("service").asString()).isEqualTo("identity-changes");
            assertThat(record.path("grantId").asString()).isEqualTo("demo-cbi-identity-changes");
            assertThat(record.path("outcome").asString()).isEqualTo("OK");
            assertThat(record.path("itemCount").asInt()).as("entries delivered").isEqualTo(1);
            assertThat(record.path("requestBytes").asInt()).as("the publication's size").isEqualTo(
                    Publications.identityChanges(PERSON, "1404/06/01").getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(record.path("replyBytes").asInt()).isEqualTo(
                    delivery.message().getBody(String.class).getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(record.toString()).doesNotContain(PERSON);
            assertThat(get("/actuator/prometheus", Map.of("X-NIX-Role", "OPERATOR")).raw())
                    .containsPattern("nix_publication_delivered_items_total\\{[^}]*feed=\"identity-changes\"[^}]*subscriber=\"CBI\"")
                    .containsPattern("nix_publication_delivered_bytes_total\\{[^}]*feed=\"identity-changes\"[^}]*subscriber=\"CBI\"");
        }
    }

    @Test
    void showsDeliveriesInTheSubscribersReportAndDashboard() throws JMSException {
        try (Connection nocr = connect("NOCR"); Connection cbi = connect("CBI")) {
            publishToTheBank(nocr, cbi, "1404/06/21");
        }
        Map<String, String> asBank = AccessTest.viewer("AGENCY", "CBI");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ReportTest.exchangesByGroup(
                get("/api/v1/reports/exchanges?" + ReportTest.aroundToday() + "&groupBy=service,channel", asBank).body(),
                "service", "channel")).hasEntrySatisfying("identity-changes/MESSAGING", count -> assertThat(count).isPositive()));
        assertThat(get("/api/v1/dashboard/summary", asBank).raw()).contains("identity-changes");
    }

    @Test
    void deliversNothingToANonSubscriberAndTheBrokerRefusesItsAttempts() throws JMSException {
        try (Connection moe = connect("MOE")) {
            Session session = moe.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("nix.CBI.publications.identity-changes")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("nix.MOE.publications.identity-changes")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("nix.NOCR.receipts")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> Publications.publish(session, "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/05/01"))).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void refusesAProviderPublishingAnotherProvidersFeed() throws JMSException {
        try (Connection ipo = connect("IPO")) {
            Session session = ipo.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> Publications.publish(session, "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/05/01"))).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void deadLettersAnUnreadablePublicationWithItsHeadersOnly() throws JMSException {
        try (Connection nocr = connect("NOCR")) {
            Session session = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            jakarta.jms.Message unreadable = Publications.publish(session, "NOCR", "identity-changes",
                    Publications.identityChanges(PERSON, "1404/05/01", "1234567890", "1404/05/01"));

            try (MessageConsumer letters = session.createConsumer(session.createQueue("nix.NOCR.dead-letters"))) {
                jakarta.jms.Message letter = letters.receive(Publications.WAIT.toMillis());
                while (letter != null && !"identity-changes".equals(letter.getStringProperty("feed"))) {
                    letter = letters.receive(Publications.WAIT.toMillis());
                }
                assertThat(letter).isNotNull();
                assertThat(letter.getStringProperty("reason")).isEqualTo("entry 2: 'nationalCode' must be a valid national code");
                assertThat(letter.getBody(Object.class)).isNull();
            }
            jakarta.jms.Message receipt = Publications.receipt(session, "NOCR", unreadable);
            assertThat(receipt.getStringProperty("outcome")).isEqualTo("REFUSED");
            assertThat(receipt.getStringProperty("reason")).isEqualTo("entry 2: 'nationalCode' must be a valid national code");
            assertThat(receipt.propertyExists("publicationId")).isFalse();
        }
    }

    @Test
    void issuesKeysToOperatorsOnlyAndNamesWhatIsWrong() {
        Reply asAgency = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                        + "/api/v1/admin/publication-keys/CBI/rotate"))
                .header("X-NIX-Role", "AGENCY").header("X-NIX-Consumer", "CBI")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        Reply unknown = Publications.keyRequest(port, "NOBODY", "issue");
        Publications.issueKey(port, "CBI");
        Reply again = Publications.keyRequest(port, "CBI", "issue");

        assertThat(asAgency.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("code").asString()).isEqualTo("UNKNOWN_AGENCY");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("code").asString()).isEqualTo("PUBLICATION_KEY_REFUSED");
        assertThat(get("/api/v1/admin/publication-keys", Map.of("X-NIX-Role", "OPERATOR")).raw())
                .contains("\"agency\":\"CBI\"").doesNotContain("\"key\"");
    }

    @Test
    void showsBacklogAndOldestItemAgePerSubscriber() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("/actuator/prometheus", Map.of("X-NIX-Role", "OPERATOR")).raw())
                .contains("nix_publication_backlog{")
                .contains("subscriber=\"IHIO\"")
                .contains("nix_publication_oldest_age_seconds{"));
    }

    /** NOCR publishes one identity change of {@link #PERSON}; CBI (with a fresh key) receives its copy. */
    private Publications.Delivery publishToTheBank(Connection nocr, Connection cbi, String changeDate) throws JMSException {
        Publications.IssuedKey bank = Publications.issueKey(port, "CBI");
        Publications.publish(nocr.createSession(false, Session.AUTO_ACKNOWLEDGE), "NOCR", "identity-changes",
                Publications.identityChanges(PERSON, changeDate));
        return Publications.receive(cbi.createSession(false, Session.AUTO_ACKNOWLEDGE), "CBI", "identity-changes",
                Publications.holdsToken(Publications.token(bank.key(), PERSON)));
    }

    private Connection connect(String agency) throws JMSException {
        return Publications.connect(messaging.amqpPort(), agency);
    }
}
