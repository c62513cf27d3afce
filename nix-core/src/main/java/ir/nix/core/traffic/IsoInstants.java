package ir.nix.core.traffic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * ISO-8601 UTC instants as every traffic record carries three of them, written and read without
 * {@link java.time.format.DateTimeFormatter} (issue 12): {@link Instant#toString()} and {@link Instant#parse} went
 * through the formatter's general printer-parser chain for each of the three timestamps of every record, on the
 * request thread (writing) and on the traffic writer (reading and chaining), a tenth of the writer's samples.
 *
 * <p>The text is exactly what the JDK writes and reads for years 0000–9999 — {@link #format} equals
 * {@link Instant#toString()}, {@link #parse} equals {@link Instant#parse} for text of the form
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} — and anything else goes to the JDK, so the journal form does not change
 * (records queued by an earlier version are read alike; {@code IsoInstantsTest} holds the equality).
 */
public final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: outside, the JDK writes a sign or a fifth year digit. */
    private static final long MIN_FAST = -62_167_219_200L;
    private static final long MAX_FAST = 253_402_300_800L;

    /** The pattern {@link #formatMicros} writes, for the years it does not write itself. */
    private static final DateTimeFormatter MICROS = DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private IsoInstants() {
    }

    /** As {@link Instant#toString()}: fraction digits in groups of three, as few as the value needs. */
    public static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        int nanos = instant.getNano();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) {
            return instant.toString();
        }
        int digits = nanos == 0 ? 0 : nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        return write(seconds, nanos, digits);
    }

    /** ISO-8601 UTC with exactly six fraction digits, truncated to microseconds: the chain's and the signatures' form. */
    public static String formatMicros(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) {
            return MICROS.format(instant.truncatedTo(ChronoUnit.MICROS));
        }
        return write(seconds, instant.getNano() / 1_000 * 1_000, 6);
    }

    private static String write(long seconds, int nanos, int digits) {
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(days);
        char[] out = new char[20 + (digits == 0 ? 0 : digits + 1)];
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3_600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int at = 19;
        if (digits > 0) {
            out[at++] = '.';
            put(out, at, nanos / pow10(9 - digits), digits);
            at += digits;
        }
        out[at] = 'Z';
        return new String(out);
    }

    /** As {@link Instant#parse}; text of any other shape than {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} goes to it. */
    public static Instant parse(CharSequence text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return Instant.parse(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21;
            if (text.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return Instant.parse(text);
            }
            int value = digits(text, 20, fraction);
            nanos = value < 0 ? -1 : value * pow10(9 - fraction);
        }
        if ((year | month | day | hour | minute | second | nanos) < 0 || hour > 23 || minute > 59 || second > 59) {
            // not plain digits, or a value the JDK judges itself (24:00, leap seconds, errors): its answer, its message
            return Instant.parse(text);
        }
        if (month < 1 || month > 12 || day < 1 || day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return Instant.parse(text);
        }
        LocalDate date = LocalDate.of(year, month, day);
        return Instant.ofEpochSecond(date.toEpochDay() * SECONDS_PER_DAY + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code count} digits from {@code from}, or -1 when one of them is not an ASCII digit. */
    private static int digits(CharSequence text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int pow10(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
