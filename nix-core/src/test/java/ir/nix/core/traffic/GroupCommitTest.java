package ir.nix.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * A broker that cannot be reached keeps no request waiting beyond its bound: the sender claims records only once
 * it holds a session, so each request withdraws its own record at its bound (and answers 503) rather than waiting
 * for a connection attempt that holds its record. The broker is a real Artemis client's view of a closed port.
 */
class GroupCommitTest {

    @Test
    void aRecordWaitingForAnUnreachableBrokerIsWithdrawnAtItsBound() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ActiveMQConnectionFactory unreachable = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + closed);
        try (GroupCommit groups = new GroupCommit(unreachable, "nix.traffic", 2)) {
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
