package ir.nix.policy.active;

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
    private LoadedBundle loaded;

    @BeforeEach
    void loadTheMinimalBundle() {
        loaded = LoadedBundle.minimal(directory, loader);
    }

    @Test
    void reloadsWhenAFileOfTheBundleChanges() throws Exception {
        try (BundleWatcher ignored = BundleWatcher.start(loaded.policy(), Duration.ofMillis(100), outcomes::add)) {
            loaded.files().append(GRANTS, "# reviewed by the secretariat\n");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !loaded.policy().activeBundle().equals(loaded.before()));
        }
        assertThat(outcomes).last().isInstanceOf(ReloadOutcome.Applied.class);
    }

    @Test
    void reportsARejectedChangeAndKeepsWatching() throws Exception {
        try (BundleWatcher ignored = BundleWatcher.start(loaded.policy(), Duration.ofMillis(100), outcomes::add)) {
            loaded.files().write(GRANTS, BundleDirectory.GRANTS.replace("consumer: MOE", "consumer: XYZ"));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> outcomes.stream().anyMatch(ReloadOutcome.Rejected.class::isInstance));
            assertThat(loaded.policy().activeBundle()).isEqualTo(loaded.before());

            loaded.files().write(GRANTS, BundleDirectory.GRANTS + "# fixed\n");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !loaded.policy().activeBundle().equals(loaded.before()));
        }
    }

    @Test
    void cannotWatchAClasspathBundle() {
        ActivePolicy classpath = ActivePolicy.load(loader, BundleLocation.DEFAULT);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> BundleWatcher.start(classpath, Duration.ofMillis(100), outcome -> { }));
    }
}
