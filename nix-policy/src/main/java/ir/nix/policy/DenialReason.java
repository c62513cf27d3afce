package ir.nix.policy;

/** Why the policy engine refused an exchange. The names are the stable codes callers see. */
public enum DenialReason {
    NO_GRANT,
    GRANT_NOT_YET_VALID,
    GRANT_EXPIRED,
    GRANT_REVOKED,
    QUOTA_EXCEEDED,
    CONDITION_FAILED,
    REDELEGATION_FORBIDDEN
}
