package ir.nix.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.tracking.TrackingId;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class TrafficRecordJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TrafficRecordJson CODEC = new TrafficRecordJson(JSON);

    private static final Instant RECEIVED = Instant.parse("2026-11-23T10:15:30.123456Z");

    /** Every field set, the form-2 ones included, and one with every nullable field null. */
    private static final TrafficRecord FULL = new TrafficRecord(TrackingId.next(), TrackingId.next(), "moe-\"42\"\n",
            Channel.REST, new AgencyCode("MOE"), new AgencyCode("CRA"), new ServiceCode("shahkar"), "1",
            "grant-moe-shahkar", "WG-26/1400-08-18", "2026.11", "ab".repeat(32), PolicyVerdict.PERMIT, OutcomeCode.OK,
            200, RECEIVED, RECEIVED.plusMillis(2), RECEIVED.plusMillis(32), 81_234, 40_000L, 61, 120, "nix-1",
            "cd".repeat(32), "token-1", "EXPIRED", 7);
    private static final TrafficRecord SPARSE = new TrafficRecord(TrackingId.next(), null, null, Channel.SOAP, null, null,
            null, null, null, null, null, null, PolicyVerdict.NOT_REACHED, OutcomeCode.BUS_SATURATED, 503, RECEIVED, null,
            null, 310, null, 0, 280, "nix-1", null, null);

    @Test
    void readsBackWhatItWrites() {
        List<TrafficRecord> read = new ArrayList<>();
        CODEC.read(CODEC.write(FULL), read);
        CODEC.read(CODEC.write(SPARSE), read);

        assertThat(read).containsExactly(FULL, SPARSE);
    }

    /** Records journalled by a node that still used data binding are stored alike after an upgrade. */
    @Test
    void readsWhatDataBindingWroteAndTheReverse() {
        List<TrafficRecord> read = new ArrayList<>();
        CODEC.read(JSON.writeValueAsBytes(FULL), read);
        CODEC.read(JSON.writeValueAsBytes(List.of(SPARSE, FULL)), read);

        assertThat(read).containsExactly(FULL, SPARSE, FULL);
        assertThat(JSON.readValue(CODEC.write(FULL), TrafficRecord.class)).isEqualTo(FULL);
        assertThat(JSON.readTree(CODEC.write(SPARSE))).isEqualTo(JSON.readTree(JSON.writeValueAsBytes(SPARSE)));
    }

    /** A group is a JSON array of records, as GroupCommit sends it; unknown properties are passed over. */
    @Test
    void readsAGroupAndPassesOverPropertiesItDoesNotKnow() {
        String group = "[" + new String(CODEC.write(FULL), StandardCharsets.UTF_8) + ","
                + new String(CODEC.write(SPARSE), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"later\":{\"x\":[1,2]},") + "]";
        List<TrafficRecord> read = new ArrayList<>();
        CODEC.read(group.getBytes(StandardCharsets.UTF_8), read);

        assertThat(read).containsExactly(FULL, SPARSE);
    }

    @Test
    void refusesWhatIsNoRecord() {
        assertThatThrownBy(() -> CODEC.read("42".getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> CODEC.read("{\"channel\":\"REST\"}".getBytes(StandardCharsets.UTF_8), new ArrayList<>()))
                .isInstanceOf(NullPointerException.class).hasMessage("trackingId");
    }
}
