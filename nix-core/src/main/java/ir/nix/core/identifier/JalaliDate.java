package ir.nix.core.identifier;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Solar Hijri (Jalali) calendar date, the calendar Iranian agencies use on the wire.
 *
 * <p>Month lengths and leap years come from ICU's Persian calendar rather than from local
 * arithmetic: Esfand has 30 days only in leap years, and leap years do not follow a simple
 * cycle that is safe to hand-code. The ICU calendar is obtained through
 * {@link Calendar#getInstance(TimeZone, ULocale)} with {@code @calendar=persian} because the
 * {@code PersianCalendar} constructors are marked ICU-internal. All conversions run in GMT so
 * that a date never shifts with the JVM's default time zone.
 */
public record JalaliDate(int year, int month, int day) {

    static final String SHAPE = "must be yyyy/MM/dd";
    private static final Pattern TEXT = Pattern.compile("(\\d{4})([/-])(\\d{1,2})\\2(\\d{1,2})");
    private static final ULocale PERSIAN = new ULocale("fa_IR@calendar=persian");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    public JalaliDate {
        String problem = problem(year, month, day);
        if (problem != null) {
            throw new IllegalArgumentException("Jalali date " + problem);
        }
    }

    /** Accepts {@code yyyy/MM/dd} or {@code yyyy-MM-dd}, with ASCII, Persian or Arabic digits. */
    public static Parsed<JalaliDate> parse(String raw) {
        String text = Digits.normalise(raw);
        if (text == null || text.isEmpty()) {
            return Parsed.invalid(Digits.EMPTY);
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Parsed.invalid(SHAPE);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        String problem = problem(year, month, day);
        return problem == null ? Parsed.valid(new JalaliDate(year, month, day)) : Parsed.invalid(problem);
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

    /** Days in the given month of the given year, as ICU's Persian calendar has it. */
    static int monthLength(int year, int month) {
        Calendar calendar = calendar();
        calendar.set(year, month - 1, 1);
        return calendar.getActualMaximum(Calendar.DAY_OF_MONTH);
    }

    private static String problem(int year, int month, int day) {
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

    @Override
    public String toString() {
        // Locale.ROOT: under a Persian default locale, format would print Persian digits.
        return String.format(Locale.ROOT, "%04d/%02d/%02d", year, month, day);
    }
}
