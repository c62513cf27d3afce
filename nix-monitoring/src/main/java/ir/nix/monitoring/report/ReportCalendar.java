package ir.nix.monitoring.report;

import ir.nix.core.identifier.JalaliDateInput;
import ir.nix.core.identifier.Parsed;
import ir.nix.policy.calendar.JalaliDate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How a report's dates are read and written. Agencies date everything in the Solar Hijri calendar;
 * ISO dates are for systems. A Jalali day and its ISO equivalent name the same Asia/Tehran calendar
 * day, so both calendars give the same rows for the same days; only the labels differ, and
 * {@code month} groups by Jalali month (Azar, Dey, …) under the Jalali calendar.
 */
public enum ReportCalendar {
    /** {@code 2026-11-23}; months {@code 2026-11}. */
    ISO {
        @Override
        public Parsed<LocalDate> parse(String text) {
            try {
                return Parsed.valid(LocalDate.parse(text == null ? "" : text.trim()));
            } catch (DateTimeParseException notIso) {
                return Parsed.invalid("must be an ISO date yyyy-MM-dd");
            }
        }

        @Override
        public String day(LocalDate day) {
            return day.toString();
        }

        @Override
        public String month(LocalDate day) {
            return day.toString().substring(0, 7);
        }
    },
    /** {@code 1405/09/02} (ASCII or Persian digits); months {@code 1405/09}. Converted with ICU's Persian calendar. */
    JALALI {
        @Override
        public Parsed<LocalDate> parse(String text) {
            Parsed<JalaliDate> parsed = JalaliDateInput.parse(text);
            return parsed.isValid() ? Parsed.valid(parsed.orElseThrow().toLocalDate())
                    : Parsed.invalid(((Parsed.Invalid<JalaliDate>) parsed).reason());
        }

        @Override
        public String day(LocalDate day) {
            return JalaliDate.of(day).toString();
        }

        @Override
        public String month(LocalDate day) {
            JalaliDate jalali = JalaliDate.of(day);
            return String.format(Locale.ROOT, "%04d/%02d", jalali.year(), jalali.month());
        }
    };

    public abstract Parsed<LocalDate> parse(String text);

    /** The day's label in this calendar. */
    public abstract String day(LocalDate day);

    /** The label of the month the day falls in, in this calendar. */
    public abstract String month(LocalDate day);

    public static Parsed<ReportCalendar> named(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("iso")) {
            return Parsed.valid(ISO);
        }
        return name.equalsIgnoreCase("jalali") ? Parsed.valid(JALALI) : Parsed.invalid("must be iso or jalali");
    }
}
