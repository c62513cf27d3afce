package ir.nix.policy.bundle;

import ir.nix.policy.lang.NonNull;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One agency's subscription to one publication feed of one provider, as a Working-Group resolution
 * decided it: the publication counterpart of a {@link Grant}.
 *
 * @param id          stable subscription id, recorded with every delivery
 * @param resolution  id of the {@link Resolution} that created it
 * @param subscriber  agency code of the subscriber
 * @param feed        feed code
 * @param provider    agency code of the publishing provider
 * @param dataItems   the items the subscriber receives of each published entry
 * @param validFrom   first calendar day (Asia/Tehran) in force, when limited
 * @param validUntil  last calendar day (Asia/Tehran, inclusive) in force, when limited
 * @param revoked     withdrawn; kept in the bundle for the record
 * @param purpose     why the subscriber needs the feed
 * @param demo        true for the demo bundle's subscriptions, which no Working Group decided
 */
public record Subscription(String id, String resolution, String subscriber, String feed, String provider,
                           Set<String> dataItems, Optional<LocalDate> validFrom, Optional<LocalDate> validUntil,
                           boolean revoked, String purpose, boolean demo) {

    public Subscription {
        NonNull.components("id resolution subscriber feed provider validFrom validUntil purpose",
                id, resolution, subscriber, feed, provider, validFrom, validUntil, purpose);
        dataItems = Collections.unmodifiableSet(new LinkedHashSet<>(dataItems));
    }

    /** Whether deliveries are due on {@code day} (a calendar day in Asia/Tehran). */
    public boolean inForceOn(LocalDate day) {
        return !revoked && validFrom.map(from -> !day.isBefore(from)).orElse(true)
                && validUntil.map(until -> !day.isAfter(until)).orElse(true);
    }
}
