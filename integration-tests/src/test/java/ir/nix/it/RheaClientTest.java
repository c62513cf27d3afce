package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ir.nix.core.ingress.messaging.MessagingProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The messaging contract from a language other than Java: the integrators' example script
 * ({@code src/test/node/nix-inquiry.js}, rhea over AMQP 1.0) run as an agency would run it. {@code .ci/run}
 * installs rhea into {@code target/node}; under CI (variable {@code CI} set) a missing node or rhea fails the suite.
 */
class RheaClientTest extends BusUnderTest {

    static final Path SCRIPT = Path.of("src/test/node/nix-inquiry.js");
    static final Path NODE_MODULES = Path.of("target/node/node_modules");

    @Autowired
    MessagingProperties messaging;

    @Autowired
    EmbeddedActiveMQ broker;

    @BeforeAll
    static void requiresNodeAndRhea() {
        boolean available = Files.isDirectory(NODE_MODULES.resolve("rhea")) && nodeRuns();
        if (System.getenv("CI") != null) {
            assertThat(available).as("node and rhea in " + NODE_MODULES + " (.ci/run installs them)").isTrue();
        }
        assumeTrue(available, "node and rhea (npm install --prefix target/node rhea) are not installed");
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("ir.nix.it.MessagingInquiryTest#everyService")
    void answersAnInquiryFromANodeClient(String service, String agency, String body, String item) throws Exception {
        inquire(service, agency, body); // warms the provider path (short provider timeout in tests)

        JsonNode reply = run(agency, service, body);

        assertThat(reply.path("status").asInt()).isEqualTo(200);
        assertThat(reply.path("correlationId").asString()).startsWith("rhea-");
        assertThat(reply.path("body").path("trackingId").asString()).isEqualTo(reply.path("trackingId").asString());
        assertThat(reply.path("body").path("data").has(item)).isTrue();
        assertThat(trafficRecord(reply.path("trackingId").asString()).path("channel").asString()).isEqualTo("MESSAGING");
    }

    @Test
    void answersADeniedInquiryWithItsProblemAndTrackingId() throws Exception {
        JsonNode reply = run("IRCS", "shahkar", "{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}");

        assertThat(reply.path("status").asInt()).isEqualTo(403);
        assertThat(reply.path("body").path("code").asString()).isEqualTo("NO_GRANT");
        assertThat(reply.path("body").path("trackingId").asString()).isEqualTo(reply.path("trackingId").asString());
    }

    @Test
    void answersARequestSentTwiceWithOneMessageIdOnce() throws Exception {
        long before = messagesAdded("nix.MOE.requests");

        JsonNode reply = run(Map.of("NIX_SEND_COPIES", "2"), "MOE", "shahkar",
                "{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}");

        assertThat(reply.path("status").asInt()).isEqualTo(200);
        assertThat(messagesAdded("nix.MOE.requests") - before).as("requests the broker kept").isEqualTo(1);
    }

    @Test
    void brokerRefusesANodeClientSendingToAnotherAgencysAddress() throws Exception {
        JsonNode reply = run("MOE", "shahkar", "{}", "nix.IRCS.requests");

        assertThat(reply.path("refused").asString()).isEqualTo("amqp:unauthorized-access");
    }

    private long messagesAdded(String queue) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(queue)).getMessagesAdded();
    }

    private JsonNode run(String... arguments) throws IOException, InterruptedException {
        return run(Map.of(), arguments);
    }

    private JsonNode run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", SCRIPT.toString(), "127.0.0.1",
                Integer.toString(messaging.amqpPort())));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NODE_PATH", NODE_MODULES.toAbsolutePath().toString());
        builder.environment().putAll(environment);
        Process node = builder.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as("node exit code; output: " + out).isZero();
        return JSON.readTree(out.lines().reduce((first, last) -> last).orElseThrow());
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            node.getInputStream().readAllBytes();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
