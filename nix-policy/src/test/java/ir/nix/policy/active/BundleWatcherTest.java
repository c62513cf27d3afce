package ir.nix.policy.active;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.TestVocabulary;
import ir.nix.policy.bundle.BundleDirectory;
import ir.nix.policy.bundle.BundleLocation;
import ir.nix.policy.bundle.PolicyBundleLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static ir.nix.policy.bundle.PolicyBundleLoader.GRANTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class BundleWatcherTest {

    @TempDir
    Path directory;

    private final PolicyBundleLoader loader = new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, false);
    private final List<ReloadOutcome> outcomes = new CopyOnWriteArrayList<>();
    private BundleDirectory bundle;
    private ActivePolicy policy;
    /** The bundle in force before a test changes the files. */
    private BundleIdentity before;

    @BeforeEach
    void loadTheMinimalBundle() {
        bundle = BundleDirectory.minimal(directory);
        policy = ActivePolicy.load(loader, bundle.location());
        before = policy.activeBundle();
    }

    @Test
    void reloadsWhenAFileOfTheBundleChanges() throws Exception {
        try (BundleWatcher ignored = BundleWatcher.start(policy, Duration.ofMillis(100), outcomes::add)) {
            bundle.append(GRANTS, "# reviewed by the secretariat\n");

            await().atMost(Duration.ofSeconds(20)).until(() -> !policy.activeBundle().equals(before));
        }
        assertThat(outcomes).last().isInstanceOf(ReloadOutcome.Applied.class);
    }

    @Test
    void reportsARejectedChangeAndKeepsWatching() throws Exception {
        try (BundleWatcher ignored = BundleWatcher.start(policy, Duration.ofMillis(100), outcomes::add)) {
            bundle.write(GRANTS, BundleDirectory.GRANTS.replace("consumer: MOE", "consumer: XYZ"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> outcomes.stream().anyMatch(ReloadOutcome.Rejected.class::isInstance));
            assertThat(policy.activeBundle()).isEqualTo(before);

            bundle.write(GRANTS, BundleDirectory.GRANTS + "# fixed\n");

            await().atMost(Duration.ofSeconds(20)).until(() -> !policy.activeBundle().equals(before));
        }
    }

    @Test
    void cannotWatchAClasspathBundle() {
        ActivePolicy classpath = ActivePolicy.load(loader, BundleLocation.DEFAULT);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BundleWatcher.start(classpath, Duration.ofMillis(100), outcome -> { }));
    }
}
