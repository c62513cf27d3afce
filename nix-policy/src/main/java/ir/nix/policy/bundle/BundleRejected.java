package ir.nix.policy.bundle;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy bundle failed validation. Carries every problem found, each naming file and line, so an
 * operator fixes them in one pass. Thrown by {@link PolicyBundleLoader#load}; a running bus keeps its
 * previous bundle (see {@code ActivePolicy#reload}).
 */
public final class BundleRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String location;
    private final transient List<BundleProblem> problems;

    public BundleRejected(String location, List<BundleProblem> problems) {
        super(describe(location, problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one problem");
        }
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    /** Where the bundle was loaded from, e.g. {@code classpath:ir/nix/policy/bundle/default}. */
    public String location() {
        return location;
    }

    public List<BundleProblem> problems() {
        return problems;
    }

    private static String describe(String location, List<BundleProblem> problems) {
        return "policy bundle " + location + " rejected: " + problems.stream()
                .map(BundleProblem::toString)
                .collect(Collectors.joining("; "));
    }
}
