package ir.nix.policy.bundle;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How much a grant may be used. Both limits are optional; a grant without either is unlimited.
 *
 * @param perSecond sustained requests per second (bursts of up to one second's worth are allowed)
 * @param perDay    requests per calendar day in Asia/Tehran
 */
public record Quota(OptionalInt perSecond, OptionalLong perDay) {

    public static final Quota UNLIMITED = new Quota(OptionalInt.empty(), OptionalLong.empty());

    public Quota {
        Objects.requireNonNull(perSecond, "perSecond");
        Objects.requireNonNull(perDay, "perDay");
    }

    public boolean isUnlimited() {
        return perSecond.isEmpty() && perDay.isEmpty();
    }
}
