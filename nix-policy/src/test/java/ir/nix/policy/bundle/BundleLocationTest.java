package ir.nix.policy.bundle;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BundleLocationTest {

    @Test
    void readsClasspathPrefixAsClasspathLocation() {
        assertThat(BundleLocation.parse("classpath:/ir/nix/policy/bundle/default/"))
                .isEqualTo(BundleLocation.DEFAULT);
    }

    @Test
    void readsFileUriAsDirectory() {
        assertThat(BundleLocation.parse("file:/etc/nix/policy"))
                .isEqualTo(new BundleLocation.Directory(Path.of("/etc/nix/policy")));
    }

    @Test
    void readsPlainPathAsDirectory() {
        assertThat(BundleLocation.parse("policy/bundle"))
                .isEqualTo(new BundleLocation.Directory(Path.of("policy/bundle")));
    }

    @Test
    void offersADirectoryToWatchOnlyForFilesystemBundles() {
        assertThat(BundleLocation.DEFAULT.directory()).isEmpty();
        assertThat(BundleLocation.parse("/etc/nix/policy").directory()).contains(Path.of("/etc/nix/policy"));
    }
}
