package ir.nix.policy.bundle;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a bundle file into a {@link YamlNode} tree with SnakeYAML Engine's composer, whose nodes carry
 * the marks of where they were written (the parser Jackson's YAML module itself uses). The tree keeps
 * file and line on every node so that the semantic checks, not only syntax errors, name them.
 */
final class YamlTreeReader {

    /** Bundle files are small and written by hand: no aliases to expand, one document per file. */
    private static final LoadSettings SETTINGS = LoadSettings.builder().setAllowRecursiveKeys(false).setMaxAliasesForCollections(0)
            .build();

    private final String file;
    private final Problems problems;

    private YamlTreeReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root, or empty when the file is empty or not valid YAML (reported). */
    static Optional<YamlNode> read(String file, byte[] content, Problems problems) {
        return new YamlTreeReader(file, problems).read(content);
    }

    private Optional<YamlNode> read(byte[] content) {
        try {
            Optional<Node> root = new Compose(SETTINGS).composeInputStream(new ByteArrayInputStream(content));
            if (root.isEmpty()) {
                problems.inFile(file, "the file is empty");
            }
            return root.map(this::node);
        } catch (MarkedYamlEngineException e) {
            problems.at(mark(e.getProblemMark().or(e::getContextMark)), "not valid YAML: " + statement(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.inFile(file, "not valid YAML: " + e.getMessage().lines().findFirst().orElse("unreadable"));
            return Optional.empty();
        }
    }

    private YamlNode node(Node node) {
        YamlNode.Mark mark = mark(node.getStartMark());
        if (node instanceof MappingNode mapping) {
            return mapping(mapping, mark);
        }
        if (node instanceof SequenceNode sequence) {
            return new YamlNode.Sequence(sequence.getValue().stream().map(this::node).toList(), mark);
        }
        ScalarNode scalar = (ScalarNode) node;  // the composer makes no other kind: an alias resolves to its anchor's node
        return new YamlNode.Scalar(Tag.NULL.equals(scalar.getTag()) ? null : scalar.getValue(), mark);
    }

    private YamlNode.Mapping mapping(MappingNode mapping, YamlNode.Mark mark) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode.Mark keyMark = mark(tuple.getKeyNode().getStartMark());
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                problems.at(keyMark, "a key must be a plain value");
            } else if (entries.putIfAbsent(key, new YamlNode.Entry(key, keyMark, node(tuple.getValueNode()))) != null) {
                problems.at(keyMark, "duplicate key '" + key + "'");
            }
        }
        return new YamlNode.Mapping(entries, mark);
    }

    /** SnakeYAML marks count from 0; problems name lines and columns from 1. */
    private YamlNode.Mark mark(Optional<Mark> at) {
        return at.map(m -> new YamlNode.Mark(file, m.getLine() + 1, m.getColumn() + 1)).orElse(new YamlNode.Mark(file, 0, 0));
    }

    /** SnakeYAML's statements ("while parsing a block mapping; expected &lt;block end&gt;, but found ...") in one line. */
    private static String statement(MarkedYamlEngineException e) {
        List<String> parts = new ArrayList<>();
        if (e.getContext() != null) {
            parts.add(e.getContext());
        }
        if (e.getProblem() != null) {
            parts.add(e.getProblem());
        }
        return parts.isEmpty() ? "unreadable" : String.join("; ", parts);
    }
}
