package ir.nix.deploy.policy;

import ir.nix.policy.FeedVocabulary;
import ir.nix.policy.ServiceVocabulary;
import ir.nix.policy.active.ActivePolicy;
import ir.nix.policy.bundle.BundleLocation;
import ir.nix.policy.bundle.PolicyBundleLoader;
import ir.nix.policy.quota.QuotaCounters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy decision point of the bus: the Working-Group grants of the configured bundle, checked
 * against the services the bus offers ({@link ServiceVocabulary}, from nix-core's descriptors), and its
 * subscriptions against the publication feeds it carries ({@link FeedVocabulary}, from the feed descriptors).
 *
 * <p>The bus does not start on an invalid bundle (the {@code BundleRejected} names file and line). Once
 * running, a rejected reload - by the watcher or {@code POST /api/v1/admin/policy/reload} - keeps the
 * previous bundle in force.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyProperties.class)
public class PolicyConfiguration {

    /** Also the {@link ir.nix.policy.PolicyDecisionPoint} the pipeline asks on every exchange. */
    @Bean
    public ActivePolicy activePolicy(PolicyProperties properties, ServiceVocabulary vocabulary, FeedVocabulary feeds,
                                     QuotaCounters quotas) {
        PolicyBundleLoader loader = new PolicyBundleLoader(vocabulary, feeds, properties.includeDemoGrants());
        return ActivePolicy.load(loader, BundleLocation.parse(properties.bundle()), quotas);
    }

    @Bean
    public PolicyBundleWatch policyBundleWatch(ActivePolicy activePolicy, PolicyProperties properties,
                                               ApplicationEventPublisher events) {
        return new PolicyBundleWatch(activePolicy, properties, events);
    }
}
