package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.core.ingress.messaging.MessagingProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 003 Art. 31.4 when nobody consumes: publications delivered and async inquiries answered, their copies and
 * replies left to expire (retention and reply lifetime of a few seconds here), then the broker journal, the
 * store and the log searched for the known identifiers — zero hits. Its own node (store, broker, journal), so
 * that nothing another test consumed is counted.
 */
class NoContentAfterExpiryTest extends BusUnderTest {

    static final Path NODE_DIR = BusUnderTest.DATA_DIR.resolve("expiry-node");

    @Autowired
    MessagingProperties messaging;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void shortLives(DynamicPropertyRegistry registry) {
        ownNode(registry, NODE_DIR, "nix-expiry");
        registry.add("nix.publication.retention", () -> "2s");
        registry.add("nix.messaging.reply-time-to-live", () -> "2s");
    }

    /** The broker looks for expired messages every half second instead of every 30 s. */
    @TestConfiguration
    static class FrequentExpiryScan {
        @Bean
        ArtemisConfigurationCustomizer frequentExpiryScan() {
            return configuration -> configuration.setMessageExpiryScanPeriod(500);
        }
    }

    @Test
    void leavesNoIdentifierAtRestOnceUnconsumedDeliveriesAndRepliesExpire() throws Exception {
        Publications.issueKey(port, "CBI");
        Publications.issueKey(port, "IHIO");
        List<String> expiring = new ArrayList<>(List.of("nix.CBI.publications.identity-changes",
                "nix.IHIO.publications.identity-changes", "nix.CBI.publications.deaths", "nix.MOE.replies"));
        try (Connection nocr = Publications.connect(messaging.amqpPort(), "NOCR");
             Connection moe = Publications.connect(messaging.amqpPort(), "MOE")) {
            Session provider = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            receipted(provider, Publications.publish(provider, "NOCR", "identity-changes", Publications.identityChanges(
                    NocrSimulator.LIVING.nationalCode(), "1404/05/01", "2876543214", "1404/05/02")));
            receipted(provider, Publications.publish(provider, "NOCR", "deaths", "{\"entries\":[{\"nationalCode\":\""
                    + NocrSimulator.DECEASED.nationalCode() + "\",\"deathDate\":\"1403/12/01\"}]}"));
            Session agency = moe.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessagingInquiryTest.send(agency, "MOE", "shahkar", "{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}");
            MessagingInquiryTest.send(agency, "MOE", "postal-address", "{\"postalCode\":\"" + PostSimulator.TEHRAN_POSTAL_CODE + "\"}");
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> expiring.stream()
                .allMatch(name -> queue(name).getMessageCount() == 0 && queue(name).getMessagesExpired() > 0));

        try (java.sql.Connection store = dataSource.getConnection(); java.sql.Statement statement = store.createStatement()) {
            statement.execute("CHECKPOINT SYNC");  // H2 writes pages lazily: put everything committed into the file
        }
        List<String> hits = new ArrayList<>(ContentScan.hitsInFiles(NODE_DIR));
        hits.addAll(ContentScan.hitsInFiles(BusUnderTest.DATA_DIR.resolve("nix.log")));
        assertThat(ContentScan.filesUnder(NODE_DIR)).anyMatch(file -> file.getFileName().toString().endsWith(".amq"));
        assertThat(hits).isEmpty();
    }

    /** Waits for NIX's receipt: the fan-out is done and every copy is in its subscriber's queue. */
    private static void receipted(Session session, jakarta.jms.Message publication) throws JMSException {
        assertThat(Publications.receipt(session, "NOCR", publication).getStringProperty("outcome")).isEqualTo("DELIVERED");
    }

    private Queue queue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }
}
