package ir.nix.policy;

import ir.nix.policy.lang.NonNull;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The outcome of a policy decision: a value, never an exception. */
public sealed interface Decision permits Decision.Permit, Decision.Deny {

    BundleIdentity bundle();

    /**
     * The request may go to the provider; the reply may carry only {@code dataItems}.
     *
     * @param grantId       the grant this permit rests on
     * @param resolutionRef the Working-Group resolution that created the grant, e.g. {@code WG-26/1400-08-18}
     * @param dataItems     granted data items; nested items are written {@code persons.firstName}
     * @param conditions    conditions the bus must still check before answering (e.g. a list membership)
     */
    record Permit(String grantId, String resolutionRef, Set<String> dataItems, List<GrantCondition> conditions,
                  BundleIdentity bundle) implements Decision {
        public Permit {
            Objects.requireNonNull(grantId, "grantId");
            Objects.requireNonNull(resolutionRef, "resolutionRef");
            dataItems = Set.copyOf(dataItems);
            conditions = List.copyOf(conditions);
            Objects.requireNonNull(bundle, "bundle");
        }
    }

    /**
     * The request is refused.
     *
     * @param reason        stable reason code
     * @param detail        human text naming the rule; never request content
     * @param grantId       the grant that was considered, when one was
     * @param resolutionRef its resolution, when there was a grant
     * @param retryAfter    for {@link DenialReason#QUOTA_EXCEEDED}: when a retry may succeed
     */
    record Deny(DenialReason reason, String detail, Optional<String> grantId, Optional<String> resolutionRef,
                Optional<Duration> retryAfter, BundleIdentity bundle) implements Decision {
        public Deny {
            NonNull.components("reason detail grantId resolutionRef retryAfter bundle",
                    reason, detail, grantId, resolutionRef, retryAfter, bundle);
        }

        public static Deny of(DenialReason reason, String detail, BundleIdentity bundle) {
            return new Deny(reason, detail, Optional.empty(), Optional.empty(), Optional.empty(), bundle);
        }
    }
}
