package ir.nix.policy.active;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.DenialReason;
import ir.nix.policy.TestVocabulary;
import ir.nix.policy.bundle.BundleDirectory;
import ir.nix.policy.bundle.BundleRejected;
import ir.nix.policy.bundle.PolicyBundleLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static ir.nix.policy.bundle.PolicyBundleLoader.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivePolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-01T08:00:00Z");
    private static final DecisionRequest MOE_SHAHKAR = DecisionRequest.of("MOE", "shahkar", "CRA", NOW);

    @TempDir
    Path directory;

    private final PolicyBundleLoader loader = new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, false);

    @Test
    void refusesToStartOnAnInvalidBundle() {
        BundleDirectory bundle = BundleDirectory.minimal(directory)
                .write(GRANTS, BundleDirectory.GRANTS.replace("consumer: MOE", "consumer: XYZ"));

        assertThatThrownBy(() -> ActivePolicy.load(loader, bundle.location())).isInstanceOf(BundleRejected.class);
    }

    @Test
    void decidesOnTheLoadedBundle() {
        ActivePolicy policy = ActivePolicy.load(loader, BundleDirectory.minimal(directory).location());

        assertThat(policy.decide(MOE_SHAHKAR)).isInstanceOf(Decision.Permit.class);
        assertThat(policy.activeBundle()).isEqualTo(policy.bundle().identity());
    }

    /** Reloads of the minimal bundle, loaded before each test. */
    @Nested
    class OnReload {

        private BundleDirectory bundle;
        private ActivePolicy policy;
        private BundleIdentity before;

        @BeforeEach
        void loadTheMinimalBundle() {
            bundle = BundleDirectory.minimal(directory);
            policy = ActivePolicy.load(loader, bundle.location());
            before = policy.activeBundle();
        }

        @Test
        void appliesAChangedBundleOnReload() {
            bundle.write(GRANTS, BundleDirectory.GRANTS.replace("dataItems: [matched]", "dataItems: [matched]\n    revoked: true"));

            ReloadOutcome outcome = policy.reload();

            assertThat(outcome).isEqualTo(new ReloadOutcome.Applied(before, policy.activeBundle()));
            assertThat(policy.decide(MOE_SHAHKAR)).isInstanceOfSatisfying(Decision.Deny.class,
                    deny -> assertThat(deny.reason()).isEqualTo(DenialReason.GRANT_REVOKED));
        }

        @Test
        void keepsThePreviousBundleWhenTheNewOneIsRejected() {
            bundle.write(GRANTS, BundleDirectory.GRANTS.replace("consumer: MOE", "consumer: XYZ"));

            ReloadOutcome outcome = policy.reload();

            assertThat(outcome).isInstanceOfSatisfying(ReloadOutcome.Rejected.class, rejected -> {
                assertThat(rejected.active()).isEqualTo(before);
                assertThat(rejected.reason()).hasMessageContaining("grants.yaml line 4: unknown consumer agency 'XYZ'");
            });
            assertThat(policy.activeBundle()).isEqualTo(before);
            assertThat(policy.decide(MOE_SHAHKAR)).isInstanceOf(Decision.Permit.class);
        }

        @Test
        void reportsAnUnchangedBundleWithoutSwappingIt() {
            var decidingBundle = policy.bundle();

            ReloadOutcome outcome = policy.reload();

            assertThat(outcome).isEqualTo(new ReloadOutcome.Unchanged(policy.activeBundle()));
            assertThat(policy.bundle()).isSameAs(decidingBundle);
        }
    }
}
