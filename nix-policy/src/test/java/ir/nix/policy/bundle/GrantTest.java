package ir.nix.policy.bundle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GrantTest {

    @ParameterizedTest(name = "revoked {0}, on {1}: {2}")
    @CsvSource({
            "false, 2023-12-31, NOT_YET_VALID",
            "false, 2024-01-01, IN_FORCE",
            "false, 2024-12-31, IN_FORCE",
            "false, 2025-01-01, EXPIRED",
            "true, 2024-06-01, REVOKED"})
    void standsOnADayByItsValidityAndRevocation(boolean revoked, LocalDate day, Grant.Standing standing) {
        Grant grant = grant(Optional.of(LocalDate.of(2024, 1, 1)), Optional.of(LocalDate.of(2024, 12, 31)), revoked);

        assertThat(grant.standingOn(day)).isEqualTo(standing);
    }

    @ParameterizedTest(name = "[{0}, {1}] and [{2}, {3}] overlap: {4}")
    @CsvSource({
            "2024-01-01, 2024-06-30, 2024-07-01, , false",
            "2024-01-01, 2024-06-30, 2024-06-30, , true",
            ", 2024-06-30, , 2020-01-01, true",
            ", , 2030-01-01, 2030-12-31, true",
            "2025-01-01, , , 2024-12-31, false"})
    void overlapsWhenValidityPeriodsShareADay(LocalDate from, LocalDate until, LocalDate otherFrom, LocalDate otherUntil,
                                              boolean overlaps) {
        Grant grant = grant(Optional.ofNullable(from), Optional.ofNullable(until), false);
        Grant other = grant(Optional.ofNullable(otherFrom), Optional.ofNullable(otherUntil), false);

        assertThat(grant.validityOverlaps(other)).isEqualTo(overlaps);
    }

    private static Grant grant(Optional<LocalDate> from, Optional<LocalDate> until, boolean revoked) {
        return new Grant("g", "WG-26/1400-08-18", "MOE", "shahkar", "CRA", Set.of("matched"), from, until, revoked,
                Quota.UNLIMITED, "", List.of(), Set.of(), false);
    }
}
