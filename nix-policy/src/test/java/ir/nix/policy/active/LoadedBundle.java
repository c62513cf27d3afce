package ir.nix.policy.active;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.bundle.BundleDirectory;
import ir.nix.policy.bundle.PolicyBundleLoader;
import java.nio.file.Path;

/**
 * What a reload test starts from: the minimal bundle's files, the policy loaded from them, and the bundle
 * in force {@code before} the test changes the files.
 */
record LoadedBundle(BundleDirectory files, ActivePolicy policy, BundleIdentity before) {

    static LoadedBundle minimal(Path directory, PolicyBundleLoader loader) {
        BundleDirectory files = BundleDirectory.minimal(directory);
        ActivePolicy policy = ActivePolicy.load(loader, files.location());
        return new LoadedBundle(files, policy, policy.activeBundle());
    }
}
