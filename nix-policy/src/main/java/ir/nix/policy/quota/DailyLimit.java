package ir.nix.policy.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests per calendar day in the grant's time zone. The current day's bounds and counter live in
 * one immutable holder swapped at midnight, so a check is a volatile read, two comparisons and a
 * compare-and-set; the zone rules are consulted only once a day.
 */
final class DailyLimit {

    /** One calendar day as epoch nanoseconds {@code [start, end)} with its use count. */
    private record Day(long start, long end, AtomicLong used) {
    }

    private final long perDay;
    private final ZoneId zone;
    private final AtomicReference<Day> today = new AtomicReference<>(new Day(Long.MIN_VALUE, Long.MIN_VALUE,
            new AtomicLong()));

    DailyLimit(long perDay, ZoneId zone) {
        this.perDay = perDay;
        this.zone = zone;
    }

    long perDay() {
        return perDay;
    }

    /** @return 0 when the request may pass, otherwise nanoseconds until the next day begins */
    long tryAcquire(long nowNanos) {
        Day day = dayOf(nowNanos);
        while (true) {
            long used = day.used().get();
            if (used >= perDay) {
                return Math.max(day.end() - nowNanos, 1);
            }
            if (day.used().compareAndSet(used, used + 1)) {
                return 0;
            }
        }
    }

    /**
     * The current day, starting a new one when {@code nowNanos} passed its end. A request stamped a
     * moment before the current day began (threads racing at midnight) counts against the current day.
     */
    private Day dayOf(long nowNanos) {
        while (true) {
            Day day = today.get();
            if (nowNanos < day.end()) {
                return day;
            }
            Day next = newDay(nowNanos);
            if (today.compareAndSet(day, next)) {
                return next;
            }
        }
    }

    private Day newDay(long nowNanos) {
        Instant now = Instant.ofEpochSecond(0, nowNanos);
        LocalDate date = LocalDate.ofInstant(now, zone);
        return new Day(epochNanos(date.atStartOfDay(zone).toInstant()),
                epochNanos(date.plusDays(1).atStartOfDay(zone).toInstant()), new AtomicLong());
    }

    static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
