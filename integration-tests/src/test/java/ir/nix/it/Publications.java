package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.qpid.jms.JmsConnectionFactory;
import tools.jackson.databind.JsonNode;

/**
 * Publications as a provider and a subscriber use them, with Qpid JMS over AMQP 1.0: publish a feed,
 * receive one's copy, and match tokens by computing them from one's own key, as docs/publications.md says.
 */
final class Publications {

    static final Duration WAIT = Duration.ofSeconds(60);

    /** A subscriber's key as NIX handed it over. */
    record IssuedKey(int version, String key) {
    }

    private Publications() {
    }

    static Connection connect(int amqpPort, String agency) throws JMSException {
        Connection connection = new JmsConnectionFactory(agency, "demo", "amqp://127.0.0.1:" + amqpPort).createConnection();
        connection.start();
        return connection;
    }

    /** Issues the agency's first key through the operator API, or rotates it when an earlier test issued one. */
    static IssuedKey issueKey(int httpPort, String agency) {
        BusUnderTest.Reply reply = keyRequest(httpPort, agency, "issue");
        if (reply.status() == 409) {
            reply = keyRequest(httpPort, agency, "rotate");
        }
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        assertThat(reply.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        return new IssuedKey(reply.body().path("version").asInt(), reply.body().path("key").asString());
    }

    static BusUnderTest.Reply keyRequest(int httpPort, String agency, String action) {
        return BusUnderTest.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/api/v1/admin/publication-keys/" + agency + "/" + action))
                .header("X-NIX-Role", "OPERATOR").POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static TextMessage publish(Session session, String provider, String feed, String body) throws JMSException {
        TextMessage publication = session.createTextMessage(body);
        session.createProducer(session.createQueue("nix." + provider + ".publish." + feed)).send(publication);
        return publication;
    }

    static String identityChanges(String... codesAndDates) {
        StringBuilder body = new StringBuilder("{\"entries\":[");
        for (int i = 0; i < codesAndDates.length; i += 2) {
            body.append(i == 0 ? "" : ",").append("{\"nationalCode\":\"").append(codesAndDates[i])
                    .append("\",\"changeDate\":\"").append(codesAndDates[i + 1]).append("\"}");
        }
        return body.append("]}").toString();
    }

    /** What a subscriber computes for a national code it holds: lower-case hex HMAC-SHA256 under its key. */
    static String token(String base64UrlKey, String nationalCode) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(base64UrlKey), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nationalCode.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first delivery on the subscriber's queue that {@code wanted} accepts; others (earlier tests') are consumed. */
    static Delivery receive(Session session, String subscriber, String feed, Predicate<JsonNode> wanted)
            throws JMSException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(
                "nix." + subscriber + ".publications." + feed))) {
            while (System.nanoTime() < deadline) {
                Message message = consumer.receive(1_000);
                if (message != null) {
                    JsonNode body = BusUnderTest.JSON.readTree(((TextMessage) message).getText());
                    if (wanted.test(body)) {
                        return new Delivery(message, body);
                    }
                }
            }
        }
        throw new AssertionError("no wanted delivery on nix." + subscriber + ".publications." + feed + " within " + WAIT);
    }

    /** NIX's receipt of the provider's publication (correlated to its message-id); others (earlier tests') are skipped. */
    static Message receipt(Session session, String provider, Message publication) throws JMSException {
        return MessagingInquiryTest.receive(session, "nix." + provider + ".receipts", publication.getJMSMessageID());
    }

    /** Whether the delivery holds an entry with this token. */
    static Predicate<JsonNode> holdsToken(String token) {
        return body -> entryWithToken(body, token).isPresent();
    }

    static Optional<JsonNode> entryWithToken(JsonNode body, String token) {
        for (JsonNode entry : body.path("entries")) {
            if (token.equals(entry.path("token").asString())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    record Delivery(Message message, JsonNode body) {
    }
}
