package ir.nix.policy.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a bundle, so that one load reports them all. */
final class Problems {

    private final List<BundleProblem> list = new ArrayList<>();

    void at(YamlNode.Mark mark, String message) {
        list.add(new BundleProblem(mark.file(), mark.line(), mark.column(), message));
    }

    void inFile(String file, String message) {
        list.add(new BundleProblem(file, 0, 0, message));
    }

    int count() {
        return list.size();
    }

    boolean any() {
        return !list.isEmpty();
    }

    /** In the order an operator reads them: files as first reported, lines ascending within a file. */
    List<BundleProblem> all() {
        List<String> files = list.stream().map(BundleProblem::file).distinct().toList();
        return list.stream()
                .sorted(Comparator.comparingInt((BundleProblem problem) -> files.indexOf(problem.file()))
                        .thenComparingInt(BundleProblem::line))
                .toList();
    }
}
