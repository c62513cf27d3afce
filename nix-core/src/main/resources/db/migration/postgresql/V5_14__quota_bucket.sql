-- Cluster-wide grant quotas (issue 14): one Bucket4j token bucket per grant and quota, shared by every
-- bus node of the store (nix.quota.store=postgresql). The state is Bucket4j's serialised bucket: limits,
-- tokens and refill times only - never a consumer request or any personal data (003 Art. 31.4).
-- Versioned 5.14 so that it does not collide with a V5 written in parallel.
CREATE TABLE quota_bucket (
    id    VARCHAR(255) PRIMARY KEY,
    state BYTEA
);
