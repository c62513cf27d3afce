package ir.nix.policy.bundle;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML document whose every node remembers where it was written, so that any rejection,
 * however late in validation, can name file and line.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    Mark mark();

    /** How the node is called in a problem message: "a mapping", "a list", "a value". */
    String kind();

    /** A position in a bundle file; line and column are 1-based. */
    record Mark(String file, int line, int column) {
    }

    record Entry(String key, Mark keyMark, YamlNode value) {
    }

    record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** @param text the scalar as written; {@code null} for YAML null ({@code ~}, {@code null}) */
    record Scalar(String text, Mark mark) implements YamlNode {
        @Override
        public String kind() {
            return "a value";
        }

        boolean isBlank() {
            return text == null || text.isBlank();
        }
    }
}
