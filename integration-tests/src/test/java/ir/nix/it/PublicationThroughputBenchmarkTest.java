package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.core.ingress.messaging.MessagingProperties;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publication deliveries per second at steady state: NOCR publishes identity changes of
 * {@code nix.benchmark.publication-entries} entries each (default 1), every one delivered (tokenised,
 * durable, with its traffic record) to the two demo subscribers, which consume meanwhile. Windows of about
 * {@link #WINDOW_ENTRIES} entries until two consecutive windows agree within 10 %.
 *
 * <p>{@code mvn -pl integration-tests -am verify -Dtest=PublicationThroughputBenchmarkTest
 * -Dnix.benchmark.publications=true [-Dnix.benchmark.publication-entries=1000] -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "nix.benchmark.publications", matches = "true")
class PublicationThroughputBenchmarkTest extends BusUnderTest {

    private static final int WINDOW_ENTRIES = 500;
    private static final int ENTRIES = Integer.getInteger("nix.benchmark.publication-entries", 1);
    private static final int WINDOW = Math.max(10, WINDOW_ENTRIES / ENTRIES);
    private static final int MAX_WINDOWS = 12;
    private static final int SUBSCRIBERS = 2;

    @Autowired
    MessagingProperties messaging;

    @Test
    void measuresDeliveriesPerSecondAtSteadyState() throws JMSException {
        Publications.issueKey(port, "CBI");
        Publications.issueKey(port, "IHIO");
        AtomicLong delivered = new AtomicLong();
        try (Connection nocr = Publications.connect(messaging.amqpPort(), "NOCR");
             Connection cbi = Publications.connect(messaging.amqpPort(), "CBI");
             Connection ihio = Publications.connect(messaging.amqpPort(), "IHIO")) {
            consume(cbi, "CBI", delivered);
            consume(ihio, "IHIO", delivered);
            Session session = nocr.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("nix.NOCR.publish.identity-changes"));
            String[] entries = new String[2 * ENTRIES];
            for (int i = 0; i < ENTRIES; i++) {
                entries[2 * i] = NocrSimulator.LIVING.nationalCode();
                entries[2 * i + 1] = "1404/05/01";
            }
            String body = Publications.identityChanges(entries);
            long expected = delivered.get();
            List<Double> rates = new ArrayList<>();
            while (rates.size() < MAX_WINDOWS && !steady(rates)) {
                long start = System.nanoTime();
                for (int i = 0; i < WINDOW; i++) {
                    producer.send(session.createTextMessage(body));
                }
                long target = expected + (long) WINDOW * SUBSCRIBERS;
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).until(() -> delivered.get() >= target);
                expected = target;
                double seconds = (System.nanoTime() - start) / 1e9;
                rates.add(WINDOW * SUBSCRIBERS / seconds);
                System.out.printf("publication window %d: %.0f deliveries/s of %d entries%n", rates.size(),
                        rates.get(rates.size() - 1), ENTRIES);
            }
            double last = rates.get(rates.size() - 1);
            System.out.printf("publications at steady state: %.0f deliveries/s, %.0f entries/s delivered (%s)%n", last,
                    last * ENTRIES, rates);
            assertThat(rates).isNotEmpty();
        }
    }

    private static void consume(Connection connection, String agency, AtomicLong delivered) throws JMSException {
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue("nix." + agency + ".publications.identity-changes"))
                .setMessageListener(message -> delivered.incrementAndGet());
    }

    private static boolean steady(List<Double> rates) {
        int n = rates.size();
        return n >= 2 && Math.abs(rates.get(n - 1) - rates.get(n - 2)) <= 0.1 * rates.get(n - 2);
    }
}
