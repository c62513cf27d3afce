package ir.nix.policy.calendar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JalaliDateTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "1400/08/18, 2021-11-09",
            "1400/08/23, 2021-11-14",
            "1400/09/17, 2021-12-08",
            "1400/01/01, 2021-03-21",
            "1399/12/30, 2021-03-20",
            "1403/12/30, 2025-03-20",
            "1404/01/01, 2025-03-21",
            "1357/11/22, 1979-02-11",
            "1404/07/01, 2025-09-23"})
    void convertsToIsoDate(String jalali, LocalDate iso) {
        assertThat(JalaliDate.parse(jalali).toLocalDate()).isEqualTo(iso);
    }

    @ParameterizedTest(name = "{0} leap: {1}")
    @CsvSource({"1395, true", "1399, true", "1400, false", "1403, true", "1404, false", "1408, true"})
    void knowsLeapYears(int year, boolean leap) {
        assertThat(JalaliDate.isLeapYear(year)).isEqualTo(leap);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1400-08-18", "1400/8/18", "14000818", "1400/13/01", "1400/00/10", "1400/07/31",
            "1404/12/30", "1400/01/32", "1400/01/00"})
    void rejectsMalformedDates(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> JalaliDate.parse(text));
    }

    @Test
    void writesBothTheResolutionFormAndTheReferenceForm() {
        JalaliDate date = JalaliDate.parse("1400/08/18");

        assertThat(date).hasToString("1400/08/18");
        assertThat(date.toDashedString()).isEqualTo("1400-08-18");
    }
}
