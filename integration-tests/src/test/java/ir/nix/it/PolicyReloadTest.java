package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.ingress.messaging.MessagingProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Reloading a filesystem policy bundle through the admin endpoint while the bus runs: a broken bundle is
 * rejected with file and line and traffic continues on the old one; a good change applies without restart,
 * a new subscription with its broker queue and permission included.
 * Runs its own context (own store, broker and node name) beside the shared one of other test classes.
 */
class PolicyReloadTest extends BusUnderTest {

    static final Path NODE_DIR = BusUnderTest.DATA_DIR.resolve("reload-node");
    static final Path BUNDLE_DIR = NODE_DIR.resolve("bundle");
    static final String ORIGINAL_GRANTS;
    static final String ORIGINAL_DEMO_GRANTS;
    static final Map<String, String> OPERATOR = Map.of("X-NIX-Role", "OPERATOR");
    static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";
    private static final Pattern RELOAD_FAILURES =
            Pattern.compile("(?m)^nix_policy_reload_failures_total(?:\\{[^}]*})? (\\S+)$");

    static {
        ShippedBundle.copyTo(BUNDLE_DIR);
        try {
            ORIGINAL_GRANTS = Files.readString(BUNDLE_DIR.resolve("grants.yaml"), StandardCharsets.UTF_8);
            ORIGINAL_DEMO_GRANTS = Files.readString(BUNDLE_DIR.resolve("demo-grants.yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    MessagingProperties messaging;

    @DynamicPropertySource
    static void reloadProperties(DynamicPropertyRegistry registry) {
        registry.add("nix.policy.bundle", () -> BUNDLE_DIR.toAbsolutePath().toString());
        registry.add("nix.policy.watch", () -> "false");
        ownNode(registry, NODE_DIR, "nix-reload");
    }

    @AfterEach
    void restoreTheShippedGrants() {
        writeGrants(ORIGINAL_GRANTS);
        write("demo-grants.yaml", ORIGINAL_DEMO_GRANTS);
        assertThat(reload().status()).isEqualTo(200);
    }

    @Test
    void rejectsABrokenBundleNamingFileAndLineAndKeepsTheOldOne() {
        JsonNode before = activeBundle();
        double failuresBefore = reloadFailures();
        assertThat(ORIGINAL_GRANTS).contains("consumer: MOE");
        writeGrants(ORIGINAL_GRANTS.replaceFirst("consumer: MOE", "consumer: XYZ"));

        Reply rejected = reload();

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.body().path("code").asString()).isEqualTo("POLICY_BUNDLE_REJECTED");
        assertThat(rejected.body().path("detail").asString()).contains("grants.yaml").contains("line");
        assertThat(activeBundle()).isEqualTo(before);
        assertThat(reloadFailures()).isGreaterThan(failuresBefore);

        Reply inquiry = inquire("shahkar", "MOE", SHAHKAR);

        assertThat(inquiry.status()).isEqualTo(200);
        JsonNode record = assertRecorded(inquiry, "OK", 200, "PERMIT");
        assertThat(record.path("policyHash").asString()).isEqualTo(before.path("sha256").asString());
    }

    @Test
    void appliesAGoodChangeWithoutRestart() {
        JsonNode before = activeBundle();
        String grantHeader = "  - id: wg26-ihio-shahkar\n";
        assertThat(ORIGINAL_GRANTS).contains(grantHeader);
        writeGrants(ORIGINAL_GRANTS.replace(grantHeader, grantHeader + "    revoked: true\n"));

        Reply applied = reload();

        assertThat(applied.status()).isEqualTo(200);
        assertThat(applied.body().path("outcome").asString()).isEqualTo("APPLIED");
        JsonNode after = applied.body().path("bundle");
        assertThat(after.path("sha256").asString()).isNotBlank().isNotEqualTo(before.path("sha256").asString());
        assertThat(activeBundle()).isEqualTo(after);

        Reply denied = inquire("shahkar", "IHIO", SHAHKAR);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().path("code").asString()).isEqualTo("GRANT_REVOKED");
        JsonNode record = trafficRecord(denied.trackingHeader());
        assertThat(record.path("outcome").asString()).isEqualTo("GRANT_REVOKED");
        assertThat(record.path("policyHash").asString()).isEqualTo(after.path("sha256").asString());

        writeGrants(ORIGINAL_GRANTS);
        Reply restored = reload();

        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.body().path("bundle")).isEqualTo(before);
        assertThat(inquire("shahkar", "IHIO", SHAHKAR).status()).isEqualTo(200);
    }

    @Test
    void appliesANewSubscriptionAndItsBrokerPermissionWithoutRestart() throws JMSException {
        String queue = "nix.MOE.publications.privatization-list";
        try (Connection moe = Publications.connect(messaging.amqpPort(), "MOE");
             Connection ipo = Publications.connect(messaging.amqpPort(), "IPO")) {
            Session before = moe.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> before.createConsumer(before.createQueue(queue))).isInstanceOf(JMSSecurityException.class);
            assertThat(ORIGINAL_DEMO_GRANTS).contains("subscriptions:\n");
            write("demo-grants.yaml", ORIGINAL_DEMO_GRANTS.replace("subscriptions:\n", "subscriptions:\n" + """
                      - id: demo-moe-privatization-list
                        resolution: NIX-DEMO/1404-01-01
                        subscriber: MOE
                        feed: privatization-list
                        provider: IPO
                        dataItems: [enterpriseNationalId, status]
                    """));

            assertThat(reload().body().path("outcome").asString()).isEqualTo("APPLIED");
            Publications.publish(ipo.createSession(false, Session.AUTO_ACKNOWLEDGE), "IPO", "privatization-list",
                    PRIVATIZATION_LIST);

            Session after = moe.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (MessageConsumer consumer = after.createConsumer(after.createQueue(queue))) {
                Message delivery = consumer.receive(Publications.WAIT.toMillis());
                assertThat(delivery).isNotNull();
                JsonNode entry = JSON.readTree(delivery.getBody(String.class)).path("entries").path(0);
                assertThat(entry.path("status").asString()).isEqualTo("IN_TRANSFER");
                assertThat(entry.has("enterpriseName")).as("an item the subscription does not grant").isFalse();
            }

            write("demo-grants.yaml", ORIGINAL_DEMO_GRANTS);
            assertThat(reload().body().path("outcome").asString()).isEqualTo("APPLIED");
            Session withdrawn = moe.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> withdrawn.createConsumer(withdrawn.createQueue(queue)))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    static final String PRIVATIZATION_LIST = "{\"entries\":[{\"enterpriseNationalId\":\"10101234567\",\"enterpriseName\":"
            + "\"test enterprise\",\"status\":\"IN_TRANSFER\",\"lastEntryDate\":\"1403/01/15\"}]}";

    private Reply reload() {
        return post("/api/v1/admin/policy/reload", OPERATOR, "");
    }

    private JsonNode activeBundle() {
        Reply grants = get("/api/v1/grants", OPERATOR);
        assertThat(grants.status()).isEqualTo(200);
        JsonNode bundle = grants.body().path("bundle");
        assertThat(bundle.path("version").asString()).isNotBlank();
        assertThat(bundle.path("sha256").asString()).isNotBlank();
        return bundle;
    }

    private double reloadFailures() {
        String metrics = get("/actuator/prometheus").raw();
        Matcher matcher = RELOAD_FAILURES.matcher(metrics);
        assertThat(matcher.find()).as("nix_policy_reload_failures_total in /actuator/prometheus").isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    private static void writeGrants(String content) {
        write("grants.yaml", content);
    }

    private static void write(String file, String content) {
        try {
            Files.writeString(BUNDLE_DIR.resolve(file), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
