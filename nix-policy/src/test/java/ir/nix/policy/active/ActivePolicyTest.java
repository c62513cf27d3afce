package ir.nix.policy.active;

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

        private LoadedBundle loaded;

        @BeforeEach
        void loadTheMinimalBundle() {
            loaded = LoadedBundle.minimal(directory, loader);
        }

        @Test
        void appliesAChangedBundleOnReload() {
            loaded.files().write(GRANTS,
                    BundleDirectory.GRANTS.replace("dataItems: [matched]", "dataItems: [matched]\n    revoked: true"));

            ReloadOutcome outcome = loaded.policy().reload();

            assertThat(outcome).isEqualTo(new ReloadOutcome.Applied(loaded.before(), loaded.policy().activeBundle()));
            assertThat(loaded.policy().decide(MOE_SHAHKAR)).isInstanceOfSatisfying(Decision.Deny.class,
                    deny -> assertThat(deny.reason()).isEqualTo(DenialReason.GRANT_REVOKED));
        }

        @Test
        void keepsThePreviousBundleWhenTheNewOneIsRejected() {
            loaded.files().write(GRANTS, BundleDirectory.GRANTS.replace("consumer: MOE", "consumer: XYZ"));

            ReloadOutcome outcome = loaded.policy().reload();

            assertThat(outcome).isInstanceOfSatisfying(ReloadOutcome.Rejected.class, rejected -> {
                assertThat(rejected.active()).isEqualTo(loaded.before());
                assertThat(rejected.reason()).hasMessageContaining("grants.yaml line 4: unknown consumer agency 'XYZ'");
            });
            assertThat(loaded.policy().activeBundle()).isEqualTo(loaded.before());
            assertThat(loaded.policy().decide(MOE_SHAHKAR)).isInstanceOf(Decision.Permit.class);
        }

        @Test
        void reportsAnUnchangedBundleWithoutSwappingIt() {
            var decidingBundle = loaded.policy().bundle();

            ReloadOutcome outcome = loaded.policy().reload();

            assertThat(outcome).isEqualTo(new ReloadOutcome.Unchanged(loaded.policy().activeBundle()));
            assertThat(loaded.policy().bundle()).isSameAs(decidingBundle);
        }
    }
}
