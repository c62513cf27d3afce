package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import ir.nix.core.ingress.messaging.MessagingProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The messaging channel as an agency uses it: an AMQP 1.0 JMS client (Qpid JMS, not Camel) logged
 * into the bus's broker as the agency, sending to its request address and reading its reply address.
 */
class MessagingInquiryTest extends BusUnderTest {

    private static final Duration REPLY_WAIT = Duration.ofSeconds(30);

    @Autowired
    MessagingProperties messaging;

    static Stream<Arguments> everyService() {
        SsoSimulator.InsuranceList list = SsoSimulator.SUBJECT_TO_TRANSFER_LIST;
        return Stream.of(
                Arguments.of("shahkar", "MOE", "{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}", "matched"),
                Arguments.of("postal-address", "IRCS", "{\"postalCode\":\"" + PostSimulator.TEHRAN_POSTAL_CODE + "\"}",
                        "province"),
                Arguments.of("identity", "CBI", "{\"nationalCode\":\"" + NocrSimulator.LIVING.nationalCode()
                        + "\",\"birthDate\":\"1365/04/12\"}", "lastName"),
                Arguments.of("privatization-status", "IPO", "{\"enterpriseNationalId\":\""
                        + IpoSimulator.SUBJECT_TO_TRANSFER.nationalId() + "\"}", "status"),
                Arguments.of("insurance-list", "IPO", "{\"enterpriseNationalId\":\"" + IpoSimulator.SUBJECT_TO_TRANSFER.nationalId()
                        + "\",\"workshopCode\":\"" + list.workshopCode() + "\",\"branchCode\":\"" + list.branchCode()
                        + "\",\"year\":" + list.year() + ",\"month\":" + list.month() + "}", "persons"));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("everyService")
    void answersAnAsynchronousInquiryOnTheAgencysReplyAddress(String service, String agency, String body, String item)
            throws JMSException {
        // The provider timeout is short: the first call after startup warms the provider path over REST.
        inquire(service, agency, body);
        try (Connection connection = connect(agency)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage request = send(session, agency, service, body);

            Message reply = replyTo(session, agency, request);

            JsonNode answer = JSON.readTree(((TextMessage) reply).getText());
            assertThat(reply.getIntProperty("status")).isEqualTo(200);
            assertThat(answer.path("trackingId").asString()).isEqualTo(reply.getStringProperty("trackingId"));
            assertThat(answer.path("service").asString()).isEqualTo(service);
            assertThat(answer.path("data").has(item)).isTrue();
            JsonNode record = trafficRecord(reply.getStringProperty("trackingId"));
            assertThat(record.path("channel").asString()).isEqualTo("MESSAGING");
            assertThat(record.path("consumer").asString()).isEqualTo(agency);
            assertThat(record.path("outcome").asString()).isEqualTo("OK");
        }
    }

    @Test
    void answersADeniedInquiryWithAProblemNamingTheReasonAndTrackingId() throws JMSException {
        try (Connection connection = connect("IRCS")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage request = send(session, "IRCS", "shahkar", "{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}");

            Message reply = replyTo(session, "IRCS", request);

            JsonNode problem = JSON.readTree(((TextMessage) reply).getText());
            assertThat(reply.getIntProperty("status")).isEqualTo(403);
            assertThat(problem.path("code").asString()).isEqualTo("NO_GRANT");
            assertThat(problem.path("trackingId").asString()).isEqualTo(reply.getStringProperty("trackingId"));
            JsonNode record = trafficRecord(reply.getStringProperty("trackingId"));
            assertThat(record.path("channel").asString()).isEqualTo("MESSAGING");
            assertThat(record.path("decision").asString()).isEqualTo("DENY");
        }
    }

    @Test
    void refusesAReplyAddressOfAnotherAgency() throws JMSException {
        try (Connection connection = connect("MOE")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage request = session.createTextMessage("{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}");
            request.setStringProperty("service", "shahkar");
            request.setJMSReplyTo(session.createQueue("nix.IRCS.replies"));
            session.createProducer(session.createQueue("nix.MOE.requests")).send(request);

            Message reply = replyTo(session, "MOE", request);

            assertThat(reply.getIntProperty("status")).isEqualTo(400);
            assertThat(JSON.readTree(((TextMessage) reply).getText()).path("detail").asString()).contains("reply-to");
        }
    }

    @Test
    void deadLettersAnUnreadableMessageWithItsHeadersOnly() throws JMSException {
        try (Connection connection = connect("MOE")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MapMessage poison = session.createMapMessage();
            poison.setString("nationalCode", "2876543214");
            poison.setStringProperty("service", "shahkar");
            session.createProducer(session.createQueue("nix.MOE.requests")).send(poison);

            Message letter = receive(session, "nix.MOE.dead-letters", poison.getJMSMessageID());

            assertThat(letter.getStringProperty("reason")).contains("not JSON");
            assertThat(letter.getStringProperty("service")).isEqualTo("shahkar");
            assertThat(letter.getStringProperty("trackingId")).isNotBlank();
            assertThat(letter.getBody(Object.class)).isNull();
            assertThat(replyTo(session, "MOE", poison).getIntProperty("status")).isEqualTo(400);
        }
    }

    @Test
    void deadLetterDropsACallerPropertyThatHoldsAnIdentifier() throws JMSException {
        try (Connection connection = connect("MOE")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MapMessage poison = session.createMapMessage();
            poison.setStringProperty("service", "0499370899");
            session.createProducer(session.createQueue("nix.MOE.requests")).send(poison);

            Message letter = receive(session, "nix.MOE.dead-letters", poison.getJMSMessageID());

            // the dead letter is persistent: a national code used as the service property stays out of it
            assertThat(letter.getStringProperty("service")).isNull();
            assertThat(letter.getStringProperty("trackingId")).isNotBlank();
        }
    }

    @Test
    void brokerRefusesSendingToAnotherAgencysRequestAddress() throws JMSException {
        try (Connection connection = connect("MOE")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> {
                MessageProducer producer = session.createProducer(session.createQueue("nix.IRCS.requests"));
                producer.send(session.createTextMessage("{}"));
            }).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void brokerRefusesReadingAnotherAgencysReplyAddress() throws JMSException {
        try (Connection connection = connect("MOE")) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("nix.IRCS.replies")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void brokerRefusesAWrongPassword() {
        JmsConnectionFactory factory = new JmsConnectionFactory("MOE", "not-demo", brokerUrl());
        assertThatThrownBy(() -> factory.createConnection().start()).isInstanceOf(JMSSecurityException.class);
    }

    String brokerUrl() {
        return "amqp://127.0.0.1:" + messaging.amqpPort();
    }

    Connection connect(String agency) throws JMSException {
        Connection connection = new JmsConnectionFactory(agency, "demo", brokerUrl()).createConnection();
        connection.start();
        return connection;
    }

    static TextMessage send(Session session, String agency, String service, String body) throws JMSException {
        TextMessage request = session.createTextMessage(body);
        request.setStringProperty("service", service);
        Queue replies = session.createQueue("nix." + agency + ".replies");
        request.setJMSReplyTo(replies);
        session.createProducer(session.createQueue("nix." + agency + ".requests")).send(request);
        return request;
    }

    static Message replyTo(Session session, String agency, Message request) throws JMSException {
        return receive(session, "nix." + agency + ".replies", request.getJMSMessageID());
    }

    /** The message on {@code address} correlated to {@code messageId}; others (left by earlier tests) are skipped. */
    static Message receive(Session session, String address, String messageId) throws JMSException {
        return receiveAll(session, address, List.of(messageId)).get(messageId);
    }

    /** The messages on {@code address} correlated to each of {@code messageIds}, in whatever order they come. */
    static Map<String, Message> receiveAll(Session session, String address, Collection<String> messageIds)
            throws JMSException {
        long deadline = System.nanoTime() + REPLY_WAIT.toNanos();
        Map<String, Message> received = new HashMap<>();
        try (MessageConsumer consumer = session.createConsumer(session.createQueue(address))) {
            while (received.size() < messageIds.size() && System.nanoTime() < deadline) {
                Message message = consumer.receive(1_000);
                if (message != null && messageIds.contains(message.getJMSCorrelationID())) {
                    received.put(message.getJMSCorrelationID(), message);
                }
            }
        }
        if (received.size() < messageIds.size()) {
            throw new AssertionError("no message on " + address + " within " + REPLY_WAIT + " for some of " + messageIds
                    + "; received " + received.keySet());
        }
        return received;
    }
}
