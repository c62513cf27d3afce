package ir.nix.monitoring.report;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.identifier.Parsed;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportPeriodTest {

    @ParameterizedTest
    @CsvSource({
        "1405/09/02, 2026-11-23, 1405/09/02",
        "1405/01/01, 2026-03-21, 1405/01/01",
        "1403/12/30, 2025-03-20, 1403/12/30",   // Esfand 30th of a leap year
        "1400/08/18, 2021-11-09, 1400/08/18",   // the 26th-session resolution
        "۱۴۰۵/۰۹/۰۲, 2026-11-23, 1405/09/02"})
    void readsJalaliDaysAsTheSameCalendarDays(String jalali, LocalDate iso, String label) {
        assertThat(ReportCalendar.JALALI.parse(jalali).orElseThrow()).isEqualTo(iso);
        assertThat(ReportCalendar.JALALI.day(iso)).isEqualTo(label);
    }

    @Test
    void coversWholeTehranDays() {
        ReportPeriod period = ReportPeriod.parse("1405/09/02", "1405/09/03", ReportCalendar.JALALI, 31).orElseThrow();

        assertThat(period.start()).isEqualTo(Instant.parse("2026-11-22T20:30:00Z"));
        assertThat(period.end()).isEqualTo(Instant.parse("2026-11-24T20:30:00Z"));
    }

    @Test
    void givesTheSameInstantsInBothCalendars() {
        ReportPeriod jalali = ReportPeriod.parse("1405/09/01", "1405/09/30", ReportCalendar.JALALI, 31).orElseThrow();
        ReportPeriod iso = ReportPeriod.parse("2026-11-22", "2026-12-21", ReportCalendar.ISO, 31).orElseThrow();

        assertThat(jalali.start()).isEqualTo(iso.start());
        assertThat(jalali.end()).isEqualTo(iso.end());
    }

    @Test
    void labelsMonthsInTheReportCalendar() {
        LocalDate day = LocalDate.parse("2026-11-23");

        assertThat(ReportCalendar.JALALI.month(day)).isEqualTo("1405/09");
        assertThat(ReportCalendar.ISO.month(day)).isEqualTo("2026-11");
    }

    @Test
    void refusesAPeriodEndingBeforeItStartsNamingTheParameter() {
        Parsed<ReportPeriod> period = ReportPeriod.parse("2026-11-23", "2026-11-22", ReportCalendar.ISO, 31);

        assertThat(period.isValid()).isFalse();
        assertThat(((Parsed.Invalid<ReportPeriod>) period).reason()).startsWith("to:");
    }

    @Test
    void refusesAJalaliDayThatDoesNotExist() {
        Parsed<ReportPeriod> period = ReportPeriod.parse("1404/12/30", "1404/12/30", ReportCalendar.JALALI, 31);

        assertThat(((Parsed.Invalid<ReportPeriod>) period).reason()).startsWith("from:");
    }

    @Test
    void refusesGroupingByDayAndMonthTogether() {
        assertThat(Dimension.parseList("consumer,day,month").isValid()).isFalse();
        assertThat(Dimension.parseList("consumer, provider,service,outcome,month").orElseThrow()).hasSize(5);
    }
}
