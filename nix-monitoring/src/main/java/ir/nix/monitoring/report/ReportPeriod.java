package ir.nix.monitoring.report;

import ir.nix.core.identifier.Parsed;
import ir.nix.policy.calendar.Tehran;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The whole calendar days a report covers, {@code from} to {@code to} inclusive. Days are Asia/Tehran
 * calendar days (the day an Iranian agency would write on a letter), whichever calendar names them.
 */
public record ReportPeriod(LocalDate from, LocalDate to, ReportCalendar calendar) {


    public ReportPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
    }

    /** @return the period, or the reason naming the parameter ({@code from}, {@code to}) that is wrong */
    public static Parsed<ReportPeriod> parse(String from, String to, ReportCalendar calendar, int maxDays) {
        Parsed<LocalDate> first = calendar.parse(from);
        if (!first.isValid()) {
            return Parsed.invalid("from: " + ((Parsed.Invalid<LocalDate>) first).reason());
        }
        Parsed<LocalDate> last = calendar.parse(to);
        if (!last.isValid()) {
            return Parsed.invalid("to: " + ((Parsed.Invalid<LocalDate>) last).reason());
        }
        if (last.orElseThrow().isBefore(first.orElseThrow())) {
            return Parsed.invalid("to: must not be before from");
        }
        if (ChronoUnit.DAYS.between(first.orElseThrow(), last.orElseThrow()) >= maxDays) {
            return Parsed.invalid("to: a report covers at most " + maxDays + " days");
        }
        return Parsed.valid(new ReportPeriod(first.orElseThrow(), last.orElseThrow(), calendar));
    }

    /** The first instant of {@code from} in Tehran. */
    public Instant start() {
        return from.atStartOfDay(Tehran.ZONE).toInstant();
    }

    /** The first instant after {@code to} in Tehran (exclusive end). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(Tehran.ZONE).toInstant();
    }

    public String fromLabel() {
        return calendar.day(from);
    }

    public String toLabel() {
        return calendar.day(to);
    }
}
