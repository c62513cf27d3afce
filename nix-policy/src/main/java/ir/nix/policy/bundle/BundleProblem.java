package ir.nix.policy.bundle;

import java.util.Objects;

/**
 * One reason a bundle was rejected, located in the operator's files.
 *
 * @param file    bundle file name, e.g. {@code grants.yaml}
 * @param line    1-based line, or 0 when the problem concerns the file as a whole
 * @param column  1-based column, or 0 when unknown
 * @param message what is wrong, naming the value and the rule
 */
public record BundleProblem(String file, int line, int column, String message) {
    public BundleProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code grants.yaml line 12: unknown consumer agency 'XYZ'} */
    @Override
    public String toString() {
        return line > 0 ? file + " line " + line + ": " + message : file + ": " + message;
    }
}
