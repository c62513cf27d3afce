package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.ingress.messaging.MessagingProperties;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Persistent asynchronous inquiry throughput: one agency (MOE) sends SHAHKAR inquiries as persistent
 * Qpid JMS messages (each send waits for the broker), at most {@link #IN_FLIGHT} unanswered, and counts
 * replies per second in windows until two consecutive windows agree within 10 % (steady state).
 * Every inquiry goes the whole way: pipeline, WireMock provider, durable traffic record, reply.
 *
 * <p>{@code mvn -pl integration-tests -am verify -Dtest=MessagingThroughputBenchmarkTest
 * -Dnix.benchmark.messaging=true -Dsurefire.failIfNoSpecifiedTests=false}
 */
@EnabledIfSystemProperty(named = "nix.benchmark.messaging", matches = "true")
class MessagingThroughputBenchmarkTest extends BusUnderTest {

    private static final int IN_FLIGHT = 64;
    private static final int WINDOW = 1_000;
    private static final int MAX_WINDOWS = 12;
    private static final String BODY = "{\"nationalCode\":\"2876543214\",\"mobile\":\"09191002030\"}";

    @Autowired
    MessagingProperties messaging;

    @Test
    void measuresPersistentAsyncInquiryThroughputAtSteadyState() throws Exception {
        inquire("shahkar", "MOE", BODY);
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicLong answered = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        try (Connection connection = new JmsConnectionFactory("MOE", "demo", "amqp://127.0.0.1:" + messaging.amqpPort())
                .createConnection()) {
            Session receiving = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer replies = receiving.createConsumer(receiving.createQueue("nix.MOE.replies"));
            replies.setMessageListener(reply -> {
                try {
                    if (reply.getIntProperty("status") != 200) {
                        failed.incrementAndGet();
                    }
                } catch (JMSException e) {
                    failed.incrementAndGet();
                }
                answered.incrementAndGet();
                slots.release();
            });
            connection.start();
            Session sending = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = sending.createProducer(sending.createQueue("nix.MOE.requests"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);

            List<Double> rates = new ArrayList<>();
            long sent = 0;
            for (int window = 0; window < MAX_WINDOWS && !steady(rates); window++) {
                long startAnswered = answered.get();
                long start = System.nanoTime();
                for (int i = 0; i < WINDOW; i++) {
                    assertThat(slots.tryAcquire(60, TimeUnit.SECONDS)).as("a reply within 60 s").isTrue();
                    TextMessage request = sending.createTextMessage(BODY);
                    request.setStringProperty("service", "shahkar");
                    request.setJMSReplyTo(sending.createQueue("nix.MOE.replies"));
                    producer.send(request);
                    sent++;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                rates.add((answered.get() - startAnswered) / seconds);
                System.out.printf("messaging window %d: %.0f replies/s%n", window + 1, rates.get(rates.size() - 1));
            }
            assertThat(slots.tryAcquire(IN_FLIGHT, 120, TimeUnit.SECONDS)).as("every reply").isTrue();
            System.out.printf("messaging steady state: %.0f persistent async inquiries/s (%d sent, %d not 200)%n",
                    rates.get(rates.size() - 1), sent, failed.get());
            assertThat(failed.get()).isZero();
        }
    }

    private static boolean steady(List<Double> rates) {
        if (rates.size() < 3) {
            return false;
        }
        double last = rates.get(rates.size() - 1);
        double before = rates.get(rates.size() - 2);
        return Math.abs(last - before) <= 0.1 * Math.max(last, before);
    }
}
