package ir.nix.policy.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Solar Hijri (Jalali) calendar date: how Working-Group resolutions are dated, and the calendar Iranian
 * agencies use on the wire. The one Jalali type of the bus; it lives in nix-policy, the module every other
 * depends on, so that resolutions, inputs, adapters and reports share it. Regulations digest §4: dates are
 * read and written in Jalali as well as ISO form.
 *
 * <p>Month lengths and leap years come from ICU's Persian calendar rather than from local
 * arithmetic: Esfand has 30 days only in leap years, and leap years do not follow a simple
 * cycle that is safe to hand-code. The ICU calendar is obtained through
 * {@link Calendar#getInstance(TimeZone, ULocale)} with {@code @calendar=persian} because the
 * {@code PersianCalendar} constructors are marked ICU-internal. All conversions run in GMT so
 * that a date never shifts with the JVM's default time zone.
 */
public record JalaliDate(int year, int month, int day) {

    private static final Pattern RESOLUTION_FORM = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})");
    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    public JalaliDate {
        String problem = problem(year, month, day);
        if (problem != null) {
            throw new IllegalArgumentException("Jalali date " + problem);
        }
    }

    /**
     * Parses the strict form resolutions are written in, {@code yyyy/MM/dd}; throws
     * {@link IllegalArgumentException} naming the problem. Inquiry inputs are read more leniently by
     * {@code ir.nix.core.identifier.JalaliDateInput}.
     */
    public static JalaliDate parse(String text) {
        Matcher m = RESOLUTION_FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Jalali date yyyy/MM/dd");
        }
        return new JalaliDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public static JalaliDate of(LocalDate date) {
        Calendar calendar = calendar();
        calendar.setTimeInMillis(date.toEpochDay() * MILLIS_PER_DAY);
        return new JalaliDate(
                calendar.get(Calendar.EXTENDED_YEAR),
                calendar.get(Calendar.MONTH) + 1,
                calendar.get(Calendar.DAY_OF_MONTH));
    }

    public LocalDate toLocalDate() {
        Calendar calendar = calendar();
        calendar.set(year, month - 1, day);
        return LocalDate.ofEpochDay(Math.floorDiv(calendar.getTimeInMillis(), MILLIS_PER_DAY));
    }

    public static boolean isLeapYear(int year) {
        return monthLength(year, 12) == 30;
    }

    /** Days in the given month of the given year, as ICU's Persian calendar has it. */
    public static int monthLength(int year, int month) {
        Calendar calendar = calendar();
        calendar.set(year, month - 1, 1);
        return calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
    }

    /** What is wrong with this year, month and day, or null when they name a date. */
    public static String problem(int year, int month, int day) {
        if (year < 1 || year > 9999) {
            return "year must be 1 to 9999";
        }
        if (month < 1 || month > 12) {
            return "month must be 1 to 12";
        }
        if (day < 1 || day > monthLength(year, month)) {
            return "day does not exist in that month";
        }
        return null;
    }

    /** A fresh calendar each time: ICU calendars are mutable and not thread-safe. */
    private static Calendar calendar() {
        Calendar calendar = Calendar.getInstance(TimeZone.GMT_ZONE, PERSIAN);
        calendar.clear();
        return calendar;
    }

    /** {@code 1400/08/18}: the form written in resolutions and on the wire. */
    @Override
    public String toString() {
        // Locale.ROOT: under a Persian default locale, format would print Persian digits.
        return String.format(Locale.ROOT, "%04d/%02d/%02d", year, month, day);
    }

    /** {@code 1400-08-18}: the form used inside resolution references such as {@code WG-26/1400-08-18}. */
    public String toDashedString() {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }
}
