package ir.nix.policy.bundle;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Solar Hijri (Jalali) calendar date as Working-Group resolutions are dated, e.g. {@code 1400/08/18}.
 *
 * <p>Regulations digest §4: resolution references must read and write Jalali dates as well as ISO
 * dates, so the date keeps its Jalali form and converts to ISO on demand. The conversion is the
 * Borkowski/jalaali algorithm (33-year cycles with break years), exact for years -61 to 3177.
 */
public record JalaliDate(int year, int month, int day) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2})");
    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
            2192, 2262, 2324, 2394, 2456, 3178};

    public JalaliDate {
        if (year < BREAKS[0] || year >= BREAKS[BREAKS.length - 1]) {
            throw new IllegalArgumentException("Jalali year " + year + " out of range");
        }
        if (month < 1 || month > 12) {
            throw new IllegalArgumentException("Jalali month " + month + " out of range 1-12");
        }
        if (day < 1 || day > monthLength(year, month)) {
            throw new IllegalArgumentException("Jalali day " + day + " out of range for " + year + "/" + month);
        }
    }

    /** Parses {@code yyyy/MM/dd}; throws {@link IllegalArgumentException} naming the problem. */
    public static JalaliDate parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a Jalali date yyyy/MM/dd");
        }
        return new JalaliDate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public static boolean isLeapYear(int year) {
        return leapOffset(year) == 0;
    }

    public LocalDate toIsoDate() {
        int gregorianYear = year + 621;
        int dayOfYear = (month - 1) * 31 - (month / 7) * (month - 7) + day - 1;
        return LocalDate.of(gregorianYear, 3, farvardinFirstInMarch(year)).plusDays(dayOfYear);
    }

    /** {@code 1400/08/18}: the form written in resolutions. */
    @Override
    public String toString() {
        return String.format("%04d/%02d/%02d", year, month, day);
    }

    /** {@code 1400-08-18}: the form used inside resolution references such as {@code WG-26/1400-08-18}. */
    public String toDashedString() {
        return String.format("%04d-%02d-%02d", year, month, day);
    }

    private static int monthLength(int year, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        return isLeapYear(year) ? 30 : 29;
    }

    /** Day of March (Gregorian) on which 1 Farvardin of {@code year} falls. */
    private static int farvardinFirstInMarch(int year) {
        int gregorianYear = year + 621;
        int leapJalali = leapsBefore(year);
        int leapGregorian = gregorianYear / 4 - ((gregorianYear / 100 + 1) * 3) / 4 - 150;
        return 20 + leapJalali - leapGregorian;
    }

    private static int leapsBefore(int year) {
        int leapJ = -14;
        int jp = BREAKS[0];
        int jump = 0;
        for (int i = 1; i < BREAKS.length; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (year < jm) {
                break;
            }
            leapJ += jump / 33 * 8 + (jump % 33) / 4;
            jp = jm;
        }
        int n = year - jp;
        leapJ += n / 33 * 8 + (n % 33 + 3) / 4;
        if (jump % 33 == 4 && jump - n == 4) {
            leapJ++;
        }
        return leapJ;
    }

    /** 0 for a leap year, otherwise years since the last leap year (1-4). */
    private static int leapOffset(int year) {
        int jp = BREAKS[0];
        int jump = 0;
        for (int i = 1; i < BREAKS.length; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (year < jm) {
                break;
            }
            jp = jm;
        }
        int n = year - jp;
        if (jump - n < 6) {
            n = n - jump + (jump + 4) / 33 * 33;
        }
        int leap = ((n + 1) % 33 - 1) % 4;
        return leap == -1 ? 4 : leap;
    }
}
