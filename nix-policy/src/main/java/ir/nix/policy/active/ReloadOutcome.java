package ir.nix.policy.active;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.bundle.BundleRejected;

import java.util.Objects;

/** What a reload did. Whatever happened, {@link #active()} is the bundle decisions are now made on. */
public sealed interface ReloadOutcome permits ReloadOutcome.Applied, ReloadOutcome.Unchanged, ReloadOutcome.Rejected {

    BundleIdentity active();

    /** The new bundle replaced {@code previous}. */
    record Applied(BundleIdentity previous, BundleIdentity active) implements ReloadOutcome {
        public Applied {
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(active, "active");
        }
    }

    /** The bundle's files hash as before; nothing was swapped and quota counters carry on. */
    record Unchanged(BundleIdentity active) implements ReloadOutcome {
        public Unchanged {
            Objects.requireNonNull(active, "active");
        }
    }

    /** The new files were rejected; the previous bundle stays in force. */
    record Rejected(BundleRejected reason, BundleIdentity active) implements ReloadOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(active, "active");
        }
    }
}
