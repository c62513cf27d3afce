package ir.nix.core.traffic.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    static final AgencyCode MOE = new AgencyCode("MOE");
    static final AgencyCode CRA = new AgencyCode("CRA");
    static final ServiceCode SHAHKAR = new ServiceCode("shahkar");

    static final TrafficRecord PERMITTED = new TrafficRecord(TrackingId.parse("01936b2e-6f3a-7c4d-9e8f-0a1b2c3d4e5f").orElseThrow(),
            null, "moe-42", Channel.REST, MOE, CRA, SHAHKAR, "1", "grant-moe-shahkar", "WG-26/1400-08-18", "2026.11",
            "ab".repeat(32), PolicyVerdict.PERMIT, OutcomeCode.OK, 200, Instant.parse("2026-11-23T10:15:30.123456789Z"), Instant.parse("2026-11-23T10:15:30.2Z"),
            null, 81_234, 40_000L, 61, 120, "nix-1", null, null);

    private static String canonical(TrafficRecord record) {
        return new String(CanonicalForm.of("nix-1", 7, record), StandardCharsets.UTF_8);
    }

    /** The pinned bytes are the form records were chained with before the record was typed: both verify alike. */
    @Test
    void writesChainPositionThenEveryFieldInDeclarationOrder() {
        assertThat(canonical(PERMITTED)).isEqualTo(String.join("\n",
                "nix-1", "7", "01936b2e-6f3a-7c4d-9e8f-0a1b2c3d4e5f", "", "moe-42", "REST", "MOE", "CRA", "shahkar", "1",
                "grant-moe-shahkar", "WG-26/1400-08-18", "2026.11", "ab".repeat(32), "PERMIT", "OK", "200",
                "2026-11-23T10:15:30.123456Z", "2026-11-23T10:15:30.200000Z", "", "81234", "40000", "61", "120", "nix-1", "", ""));
    }

    @Test
    void truncatesTimestampsToTheMicrosecondsTheStoresKeep() {
        assertThat(PERMITTED.receivedAt()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
        assertThat(CanonicalForm.timestamp(Instant.parse("2026-11-23T10:15:30Z"))).isEqualTo("2026-11-23T10:15:30.000000Z");
    }

    @Test
    void escapesLineBreaksSoNoValueCanShiftTheFieldsAfterIt() {
        TrafficRecord sneaky = new TrafficRecord(PERMITTED.trackingId(), null, "a\nMOE\\", Channel.REST, MOE, CRA, SHAHKAR,
                "1", null, null, null, null, PolicyVerdict.PERMIT, OutcomeCode.OK, 200, PERMITTED.receivedAt(), null, null, 1, null, 1, 1, "nix-1",
                null, null);

        assertThat(canonical(sneaky).split("\n", -1)).hasSize(27).contains("a\\nMOE\\\\");
    }

    @Test
    void distinguishesEveryField() {
        TrafficRecord denied = new TrafficRecord(PERMITTED.trackingId(), null, "moe-42", Channel.REST, MOE, CRA, SHAHKAR,
                "1", "grant-moe-shahkar", "WG-26/1400-08-18", "2026.11", "ab".repeat(32), PolicyVerdict.DENY, OutcomeCode.OK, 200,
                PERMITTED.receivedAt(), PERMITTED.forwardedAt(), null, 81_234, 40_000L, 61, 120, "nix-1", null, null);

        assertThat(canonical(denied)).isNotEqualTo(canonical(PERMITTED));
        assertThat(CanonicalForm.of("nix-2", 7, PERMITTED)).isNotEqualTo(CanonicalForm.of("nix-1", 7, PERMITTED));
        assertThat(CanonicalForm.of("nix-1", 8, PERMITTED)).isNotEqualTo(CanonicalForm.of("nix-1", 7, PERMITTED));
    }

    /** Form 2: a record with a refusal reason or an item count appends both, after the 27 lines of form 1. */
    @Test
    void appendsTheReasonAndItemCountOnlyWhenOneIsSet() {
        String form1 = canonical(PERMITTED);

        assertThat(canonical(PERMITTED.withReason("EXPIRED"))).isEqualTo(form1 + "\nEXPIRED\n");
        assertThat(canonical(PERMITTED.withItemCount(3))).isEqualTo(form1 + "\n\n3");
        assertThat(canonical(PERMITTED.withReason(null).withItemCount(null))).isEqualTo(form1);
    }
}
