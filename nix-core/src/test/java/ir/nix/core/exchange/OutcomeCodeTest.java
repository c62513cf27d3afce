package ir.nix.core.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.policy.DenialReason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The policy engine's reasons and the error model's codes are one table: callers see the reason's name. */
class OutcomeCodeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "NO_GRANT,               NO_GRANT,               403",
            "GRANT_NOT_YET_VALID,    GRANT_NOT_YET_VALID,    403",
            "GRANT_EXPIRED,          GRANT_EXPIRED,          403",
            "GRANT_REVOKED,          GRANT_REVOKED,          403",
            "QUOTA_EXCEEDED,         QUOTA_EXCEEDED,         429",
            "CONDITION_FAILED,       CONDITION_FAILED,       403",
            "REDELEGATION_FORBIDDEN, REDELEGATION_FORBIDDEN, 403"})
    void mapsEveryDenialReasonToTheCodeCallersSee(DenialReason reason, OutcomeCode code, int status) {
        assertThat(OutcomeCode.of(reason)).isEqualTo(code);
        assertThat(code.httpStatus()).isEqualTo(status);
        assertThat(code.outcomeClass()).isEqualTo(OutcomeClass.DENIED);
    }

    @ParameterizedTest
    @EnumSource(OutcomeCode.class)
    void countsAsDeniedExactlyTheDenialReasons(OutcomeCode code) {
        boolean isReason = Arrays.stream(DenialReason.values()).anyMatch(reason -> reason.name().equals(code.name()));

        assertThat(code.isDenial()).as(code + " is a denial reason").isEqualTo(isReason);
    }

    @ParameterizedTest
    @EnumSource(OutcomeCode.class)
    void classifiesStoredCodesByTheirName(OutcomeCode code) {
        assertThat(OutcomeClass.of(code.name())).isEqualTo(code.outcomeClass());
    }

    @Test
    void countsAnUnknownStoredCodeAsAFailure() {
        assertThat(OutcomeClass.of("A_CODE_OF_A_NEWER_NODE")).isEqualTo(OutcomeClass.FAILED);
    }
}
