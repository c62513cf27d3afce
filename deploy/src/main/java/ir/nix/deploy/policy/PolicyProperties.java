package ir.nix.deploy.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where the Working-Group policy bundle comes from and how it is kept current.
 *
 * @param bundle             {@code classpath:ir/nix/policy/bundle/default} (shipped with the bus) or a
 *                           filesystem directory ({@code /etc/nix/policy} or {@code file:/etc/nix/policy})
 *                           the operator keeps under version control
 * @param watch              reload a filesystem bundle when its files change; ignored for classpath bundles
 * @param watchQuietPeriod   how long the directory must stay unchanged before a reload (editors and
 *                           {@code git checkout} write files in bursts)
 * @param includeDemoGrants  also read {@code demo-grants.yaml}; for the demo profile only
 */
@ConfigurationProperties(prefix = "nix.policy")
public record PolicyProperties(
        @DefaultValue("classpath:ir/nix/policy/bundle/default") String bundle,
        @DefaultValue("true") boolean watch,
        @DefaultValue("500ms") Duration watchQuietPeriod,
        @DefaultValue("false") boolean includeDemoGrants) {
}
