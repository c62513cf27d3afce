package ir.nix.monitoring.report;

import ir.nix.policy.calendar.Tehran;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Clock hours and calendar days in Asia/Tehran: the rollup's unit of time and the reports' days. */
final class TehranHours {

    private TehranHours() {
    }

    /** Start of the Tehran clock hour holding {@code instant}. */
    static Instant floor(Instant instant) {
        return instant.atZone(Tehran.ZONE).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /** Start of the first Tehran clock hour at or after {@code instant}. */
    static Instant ceil(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : floor.plus(1, ChronoUnit.HOURS);
    }

    static LocalDate day(Instant instant) {
        return instant.atZone(Tehran.ZONE).toLocalDate();
    }
}
