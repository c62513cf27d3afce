package ir.nix.policy;

import java.util.Objects;

/**
 * Which policy bundle a decision was made on; recorded with every exchange so an auditor can tell
 * which rules were in force.
 *
 * @param version the bundle's own version label
 * @param sha256  hex SHA-256 over the bundle's files
 */
public record BundleIdentity(String version, String sha256) {
    public BundleIdentity {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
    }
}
