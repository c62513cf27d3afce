package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The store goes down under steady traffic: the bus keeps answering, records wait in the durable
 * queue, and when the store returns every answered exchange has exactly one record.
 */
class StoreOutageTest extends PostgresBusUnderTest {

    private static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    @Test
    void keepsAnsweringDuringStoreOutageAndRecordsEveryExchangeOnceAfterwards() throws Exception {
        List<String> answered = new ArrayList<>(send(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> recordsPerTrackingId(answered).size() == answered.size());

        STORE_LINK.cut();
        List<String> duringOutage = send(60);
        answered.addAll(duringOutage);
        assertThat(recordsPerTrackingId(duringOutage)).as("nothing can be stored while the store is cut").isEmpty();
        STORE_LINK.restore();
        answered.addAll(send(20));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> recordsPerTrackingId(answered).size() == answered.size());
        assertThat(recordsPerTrackingId(answered).values()).hasSize(answered.size()).containsOnly(1);
    }

    private List<String> send(int count) {
        List<String> trackingIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Reply reply = inquire("shahkar", "MOE", SHAHKAR);
            assertThat(reply.status()).as("the bus answers whatever the store's state").isEqualTo(200);
            trackingIds.add(reply.trackingHeader());
        }
        return trackingIds;
    }
}
