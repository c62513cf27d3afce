package ir.nix.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A broker that cannot be reached keeps no request waiting beyond its bound: the sender claims records only once
 * it holds a session, so each request withdraws its own record at its bound (and answers 503) rather than waiting
 * for a connection attempt that holds its record. The broker is a real Artemis client's view of a closed port.
 * The group delay ({@code nix.traffic.group-delay}) waits for the records of inquiries under way, and for nothing
 * else: against a real Artemis broker in this JVM, with a delay of an hour that a test could only pass by not
 * waiting it.
 */
class GroupCommitTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static EmbeddedActiveMQ broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).addAcceptorConfiguration("in-vm", "vm://0"));
        broker.start();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.stop();
    }

    @Test
    void theRecordsOfTheInquiriesUnderWayTravelInOneGroup() throws Exception {
        AtomicInteger underWay = new AtomicInteger(3);
        try (GroupCommit groups = new GroupCommit(new ActiveMQConnectionFactory("vm://0"), "nix.traffic", 1, AN_HOUR,
                underWay::get)) {
            List<GroupCommit.Pending> records = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                // the sender waits for all three (three inquiries are under way), then sends them at once
                records.add(groups.submit("{}".getBytes(StandardCharsets.US_ASCII)));
            }
            for (GroupCommit.Pending record : records) {
                assertThat(record.awaitDurable(TimeUnit.SECONDS.toNanos(30))).isTrue();
            }
            assertThat(groups.groupsSent()).isEqualTo(1);
        }
    }

    @Test
    void aLoneInquiryIsNotDelayed() throws Exception {
        try (GroupCommit groups = new GroupCommit(new ActiveMQConnectionFactory("vm://0"), "nix.traffic", 1, AN_HOUR,
                () -> 1)) {
            GroupCommit.Pending record = groups.submit("{}".getBytes(StandardCharsets.US_ASCII));
            assertThat(record.awaitDurable(TimeUnit.SECONDS.toNanos(30))).isTrue();
            assertThat(groups.groupsSent()).isEqualTo(1);
        }
    }

    @Test
    void aRecordWaitingForAnUnreachableBrokerIsWithdrawnAtItsBound() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ActiveMQConnectionFactory unreachable = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closed);
        try (GroupCommit groups = new GroupCommit(unreachable, "nix.traffic", 2, Duration.ofMillis(1), () -> 0)) {
            for (int i = 0; i < 3; i++) {
                GroupCommit.Pending pending = groups.submit("{}".getBytes(StandardCharsets.US_ASCII));
                assertThat(pending.awaitDurable(TimeUnit.MILLISECONDS.toNanos(300))).isFalse();
                // withdrawn by its request, never claimed by a sender: it can never become durable later
                assertThat(pending.state()).isEqualTo(GroupCommit.Pending.WITHDRAWN);
            }
            // and the sender, with nothing left to send, stops trying to connect
            await().atMost(Duration.ofSeconds(30)).until(() -> groups.pending() == 0);
        }
    }
}
