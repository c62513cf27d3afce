package ir.nix.policy.bundle;

import ir.nix.policy.lang.NonNull;
import ir.nix.policy.GrantCondition;
import ir.nix.policy.calendar.Tehran;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One consumer's access to one service of one provider, as a Working-Group resolution decided it.
 *
 * @param id          stable grant id, recorded with every exchange
 * @param resolution  id of the {@link Resolution} that created the grant
 * @param consumer    agency code of the consumer
 * @param service     service code
 * @param provider    agency code of the provider
 * @param dataItems   the reply items the consumer may receive, in bundle order; nested items as
 *                    {@code persons.firstName}, a bare {@code persons} grants whole elements
 * @param validFrom   first calendar day (Asia/Tehran) the grant is in force, when limited
 * @param validUntil  last calendar day (Asia/Tehran, inclusive) the grant is in force, when limited
 * @param revoked     the grant was withdrawn; kept in the bundle for the record
 * @param quota       usage limits
 * @param purpose     why the consumer needs the data, in the resolution's words
 * @param conditions  conditions the bus checks on each exchange before answering
 * @param onBehalfOf  parties the consumer may act for; empty means none (003 Art. 34: no re-delegation)
 * @param demo        true for the demo bundle's grants, which no Working Group decided
 */
public record Grant(String id, String resolution, String consumer, String service, String provider,
                    Set<String> dataItems, Optional<LocalDate> validFrom, Optional<LocalDate> validUntil,
                    boolean revoked, Quota quota, String purpose, List<GrantCondition> conditions,
                    Set<String> onBehalfOf, boolean demo) {

    /** Grant validity and daily quotas follow the Iranian civil day. */

    public Grant {
        NonNull.components("id resolution consumer service provider validFrom validUntil quota purpose",
                id, resolution, consumer, service, provider, validFrom, validUntil, quota, purpose);
        dataItems = Collections.unmodifiableSet(new LinkedHashSet<>(dataItems));
        conditions = List.copyOf(conditions);
        onBehalfOf = Set.copyOf(onBehalfOf);
    }

    /** Where a grant stands on a given day, for operators' views. */
    public enum Standing { IN_FORCE, NOT_YET_VALID, EXPIRED, REVOKED }

    /** The grant's standing on {@code day} (a calendar day in {@link Tehran#ZONE}). */
    public Standing standingOn(LocalDate day) {
        if (revoked) {
            return Standing.REVOKED;
        }
        if (validFrom.isPresent() && day.isBefore(validFrom.get())) {
            return Standing.NOT_YET_VALID;
        }
        if (validUntil.isPresent() && day.isAfter(validUntil.get())) {
            return Standing.EXPIRED;
        }
        return Standing.IN_FORCE;
    }

    /** Whether the validity periods of the two grants share at least one day. */
    public boolean validityOverlaps(Grant other) {
        LocalDate from = validFrom.orElse(LocalDate.MIN);
        LocalDate until = validUntil.orElse(LocalDate.MAX);
        LocalDate otherFrom = other.validFrom.orElse(LocalDate.MIN);
        LocalDate otherUntil = other.validUntil.orElse(LocalDate.MAX);
        return !from.isAfter(otherUntil) && !otherFrom.isAfter(until);
    }
}
