package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import ir.nix.policy.calendar.JalaliDate;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JalaliDateInputTest {

    /** Days in a Persian year according to ICU directly, independent of JalaliDate. */
    private static int icuDaysInYear(int year) {
        Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("fa_IR@calendar=persian"));
        calendar.clear();
        calendar.set(year, 0, 1);
        assertThat(calendar.getType()).isEqualTo("persian");
        return calendar.getActualMaximum(Calendar.DAY_OF_YEAR);
    }

    @Test
    void icuAgreesThat1403IsLeapAnd1402IsNot() {
        assertThat(icuDaysInYear(1403)).isEqualTo(366);
        assertThat(icuDaysInYear(1402)).isEqualTo(365);
    }

    @Test
    void acceptsEsfandThirtiethInLeapYear() {
        JalaliDate date = JalaliDateInput.parse("1403/12/30").orElseThrow();

        assertThat(date).isEqualTo(new JalaliDate(1403, 12, 30));
        assertThat(date.toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 20));
    }

    @Test
    void rejectsEsfandThirtiethInCommonYear() {
        assertThat(JalaliDateInput.parse("1402/12/30")).isEqualTo(Parsed.invalid("day does not exist in that month"));
        assertThatThrownBy(() -> new JalaliDate(1402, 12, 30)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1395, 1399, 1402, 1403, 1404, 1408})
    void esfandLengthFollowsIcuLeapYears(int year) {
        int esfand = icuDaysInYear(year) == 366 ? 30 : 29;

        assertThat(JalaliDate.monthLength(year, 12)).isEqualTo(esfand);
        assertThat(JalaliDateInput.parse(year + "/12/30").isValid()).isEqualTo(esfand == 30);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "1403/01/01, 2024-03-20",   // Nowruz
        "1357/11/22, 1979-02-11",
        "1402/12/29, 2024-03-19",
        "1404/01/01, 2025-03-21",
        "1403/06/31, 2024-09-21",   // the first six months have 31 days
        "1403/07/30, 2024-10-21"
    })
    void convertsToAndFromGregorian(String jalali, LocalDate gregorian) {
        JalaliDate date = JalaliDateInput.parse(jalali).orElseThrow();

        assertThat(date.toLocalDate()).isEqualTo(gregorian);
        assertThat(JalaliDate.of(gregorian)).isEqualTo(date);
        assertThat(date.toString()).isEqualTo(jalali);
    }

    @Test
    void roundTripsEveryDayOfADecade() {
        Stream.iterate(LocalDate.of(2018, 1, 1), d -> d.isBefore(LocalDate.of(2028, 1, 1)), d -> d.plusDays(1))
                .forEach(day -> {
                    JalaliDate jalali = JalaliDate.of(day);
                    assertThat(jalali.toLocalDate()).isEqualTo(day);
                    assertThat(JalaliDateInput.parse(jalali.toString()).orElseThrow()).isEqualTo(jalali);
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1403-12-30", "۱۴۰۳/۱۲/۳۰", "١٤٠٣/١٢/٣٠", "۱۴۰۳-۱۲-۳۰", " 1403/12/30 "})
    void acceptsDashesAndPersianOrArabicDigits(String raw) {
        assertThat(JalaliDateInput.parse(raw).orElseThrow()).isEqualTo(new JalaliDate(1403, 12, 30));
    }

    @Test
    void acceptsSingleDigitMonthAndDay() {
        assertThat(JalaliDateInput.parse("1403/1/5").orElseThrow()).hasToString("1403/01/05");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"14031230", "1403/12-30", "1403.12.30", "03/12/30", "1403/012/30", "30/12/1403",
        "1403/12/30/", "1403/12", "yyyy/MM/dd"})
    void rejectsTextNotShapedLikeADate(String raw) {
        assertThat(JalaliDateInput.parse(raw)).isEqualTo(Parsed.invalid("must be yyyy/MM/dd"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1403/13/01, month must be 1 to 12",
        "1403/00/10, month must be 1 to 12",
        "1403/07/31, day does not exist in that month",
        "1403/01/32, day does not exist in that month",
        "1403/05/00, day does not exist in that month",
        "0000/01/01, year must be 1 to 9999"
    })
    void rejectsDatesNotInTheCalendar(String raw, String reason) {
        assertThat(JalaliDateInput.parse(raw)).isEqualTo(Parsed.invalid(reason));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingDate(String raw) {
        assertThat(JalaliDateInput.parse(raw)).isEqualTo(Parsed.invalid("must not be empty"));
    }

    @Test
    void printsAsciiDigitsWhateverTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("fa-IR"));
            assertThat(new JalaliDate(1403, 1, 5)).hasToString("1403/01/05");
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void doesNotDependOnTheDefaultTimeZone() {
        java.util.TimeZone previous = java.util.TimeZone.getDefault();
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tehran"));
            assertThat(JalaliDate.of(LocalDate.of(2024, 3, 20))).isEqualTo(new JalaliDate(1403, 1, 1));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertThat(new JalaliDate(1403, 1, 1).toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 20));
        } finally {
            java.util.TimeZone.setDefault(previous);
        }
    }
}
