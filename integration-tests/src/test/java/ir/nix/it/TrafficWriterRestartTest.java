package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.traffic.TrafficWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The node's traffic writer stopped and started again (as a lifecycle restart does) drains everything that queued
 * meanwhile. Its consumer used to stay open on the factory's shared connection after stop(): the broker went on
 * handing it records, which nobody read or acknowledged, so they never reached the store.
 */
class TrafficWriterRestartTest extends BusUnderTest {

    @Autowired
    TrafficWriter writer;

    @Test
    void storesTheRecordsQueuedWhileTheWriterWasStopped() {
        List<String> trackingIds = new ArrayList<>();
        writer.stop();
        try {
            for (int i = 0; i < 6; i++) {
                Reply reply = inquire("shahkar", "MOE", "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}");
                assertThat(reply.status()).isEqualTo(200); // durable in the queue: the caller need not wait for the store
                trackingIds.add(reply.trackingHeader());
            }
        } finally {
            writer.start();
        }

        for (String trackingId : trackingIds) {
            assertThat(trafficRecord(trackingId).path("trackingId").asString()).isEqualTo(trackingId);
        }
    }
}
