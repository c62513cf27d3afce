package ir.nix.policy.calendar;

import java.time.ZoneId;

/**
 * The bus's civil time: grant validity days, daily quotas, report days and rollup hours are
 * Asia/Tehran calendar days and clock hours, whatever zone a node runs in. Named once, here.
 */
public final class Tehran {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tehran");

    private Tehran() {
    }
}
