package ir.nix.core.readiness;

import ir.nix.core.traffic.TrafficPathAvailability;
import ir.nix.core.traffic.TrafficProperties;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.springframework.stereotype.Component;

/**
 * Opens the traffic path once at start, sending nothing: a connection, a session and a producer on the
 * traffic queue (the session cache keeps them for the first records). A broker that does not answer marks
 * the path down, so the node stays unready until the path's probe finds the broker (rule 5: no reply
 * without its record).
 */
@Component
record TrafficPathCheck(ConnectionFactory connections, TrafficPathAvailability path, TrafficProperties traffic)
        implements WarmUp {

    @Override
    public String name() {
        return "traffic-path";
    }

    @Override
    public void warm() {
        try (Connection connection = connections.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageProducer producer = session.createProducer(session.createQueue(traffic.queue()))) {
            path.succeeded();
        } catch (JMSException unreachable) {
            path.failed();
        }
    }
}
