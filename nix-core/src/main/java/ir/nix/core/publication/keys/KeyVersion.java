package ir.nix.core.publication.keys;

import ir.nix.core.agency.AgencyCode;
import java.time.Instant;
import java.util.Objects;

/**
 * One issued version of a subscriber's publication key, as the key registry records it: who, which
 * version, since when. Never the key itself: that is derived from the master key when needed.
 */
public record KeyVersion(AgencyCode agency, int version, Instant issuedAt) {

    public KeyVersion {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (version < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
    }
}
