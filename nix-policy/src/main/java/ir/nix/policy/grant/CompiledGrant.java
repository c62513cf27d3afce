package ir.nix.policy.grant;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import ir.nix.policy.DenialReason;
import ir.nix.policy.bundle.Grant;
import ir.nix.policy.calendar.Tehran;
import ir.nix.policy.quota.GrantQuota;
import ir.nix.policy.quota.QuotaCounter;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A grant prepared for deciding: validity as epoch seconds, and every decision that does not depend
 * on the request built once, so that a permit allocates nothing.
 */
final class CompiledGrant {

    final Grant grant;
    /** First second in force; {@link Long#MIN_VALUE} when unlimited. */
    final long from;
    /** First second no longer in force; {@link Long#MAX_VALUE} when unlimited. */
    final long until;
    final Optional<QuotaCounter> quota;
    final Decision.Permit permit;
    final Decision.Deny revoked;
    final Decision.Deny notYetValid;
    final Decision.Deny expired;
    final Decision.Deny redelegation;
    private final Optional<String> grantId;
    private final Optional<String> resolutionRef;
    private final BundleIdentity bundle;

    CompiledGrant(Grant grant, Optional<QuotaCounter> quota, BundleIdentity bundle) {
        this.grant = grant;
        this.from = grant.validFrom().map(CompiledGrant::startOf).orElse(Long.MIN_VALUE);
        this.until = grant.validUntil().map(day -> startOf(day.plusDays(1))).orElse(Long.MAX_VALUE);
        this.quota = quota;
        this.bundle = bundle;
        this.grantId = Optional.of(grant.id());
        this.resolutionRef = Optional.of(grant.resolution());
        this.permit = new Decision.Permit(grant.id(), grant.resolution(), grant.dataItems(), grant.conditions(), bundle);
        this.revoked = deny(DenialReason.GRANT_REVOKED, "grant '" + grant.id() + "' was revoked");
        this.notYetValid = deny(DenialReason.GRANT_NOT_YET_VALID, "grant '" + grant.id() + "' is in force from "
                + grant.validFrom().map(LocalDate::toString).orElse("-") + " (Asia/Tehran)");
        this.expired = deny(DenialReason.GRANT_EXPIRED, "grant '" + grant.id() + "' was in force until "
                + grant.validUntil().map(LocalDate::toString).orElse("-") + " (Asia/Tehran)");
        this.redelegation = deny(DenialReason.REDELEGATION_FORBIDDEN, "grant '" + grant.id() + "' does not let "
                + grant.consumer() + " act on behalf of that party (003 Art. 34: no re-delegation)");
    }

    boolean inForceAt(long epochSecond) {
        return !grant.revoked() && covers(epochSecond);
    }

    boolean covers(long epochSecond) {
        return epochSecond >= from && epochSecond < until;
    }

    boolean mayActFor(String consumer, Optional<String> onBehalfOf) {
        return onBehalfOf.isEmpty() || onBehalfOf.get().equals(consumer) || grant.onBehalfOf().contains(onBehalfOf.get());
    }

    Decision.Deny quotaExceeded(GrantQuota.Exceeded exceeded) {
        return new Decision.Deny(DenialReason.QUOTA_EXCEEDED, "grant '" + grant.id() + "' allows " + exceeded.limit(),
                grantId, resolutionRef, Optional.of(exceeded.retryAfter()), bundle);
    }

    private Decision.Deny deny(DenialReason reason, String detail) {
        return new Decision.Deny(reason, detail, grantId, resolutionRef, Optional.empty(), bundle);
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(Tehran.ZONE).toEpochSecond();
    }
}
