package ir.nix.deploy.policy;

import ir.nix.policy.quota.ClusterQuotaSettings;
import ir.nix.policy.quota.WhenUnreachable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Where grant quotas are counted.
 *
 * @param store                  {@code memory}: in this node (one node, and the H2 demo); {@code postgresql}:
 *                               in the traffic store's database, shared by every node of a cluster
 * @param leaseFraction          share of a grant's per-second limit a node leases per round trip to the store
 * @param leaseTtl               how long a lease may be used before its unused permits go back
 * @param timeout                longest wait for a connection to the store before the counter counts as
 *                               unreachable
 * @param poolSize               connections the quota counter keeps to the store (its own pool, so that a
 *                               busy traffic writer never delays a decision)
 * @param retryUnreachableAfter  how long a node keeps to the unreachable rule before trying the store again
 * @param whenUnreachable        {@code closed} (refuse, the default) or {@code open} (count in this node)
 * @param grants                 the rule for individual grants, by grant id
 */
@ConfigurationProperties(prefix = "nix.quota")
public record QuotaProperties(
        @DefaultValue("memory") Store store,
        @DefaultValue("0.1") double leaseFraction,
        @DefaultValue("1s") Duration leaseTtl,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("4") int poolSize,
        @DefaultValue("5s") Duration retryUnreachableAfter,
        @DefaultValue("closed") WhenUnreachable whenUnreachable,
        Map<String, GrantRule> grants) {

    public enum Store { MEMORY, POSTGRESQL }

    /** @param whenUnreachable this grant's rule while the store cannot be reached */
    public record GrantRule(WhenUnreachable whenUnreachable) {
    }

    public QuotaProperties {
        grants = grants == null ? Map.of() : Map.copyOf(grants);
    }

    ClusterQuotaSettings clusterSettings() {
        Map<String, WhenUnreachable> perGrant = new HashMap<>();
        grants.forEach((grant, rule) -> {
            if (rule.whenUnreachable() != null) {
                perGrant.put(grant, rule.whenUnreachable());
            }
        });
        return new ClusterQuotaSettings(leaseFraction, leaseTtl, retryUnreachableAfter, whenUnreachable, perGrant);
    }
}
