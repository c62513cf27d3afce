package ir.nix.policy.bundle;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a bundle file into a {@link YamlNode} tree from Jackson's YAML token stream, keeping each
 * token's location. Jackson's own {@code JsonNode} drops locations, and binding straight to records
 * would report only syntax errors with a line; this keeps lines for the semantic checks too.
 */
final class YamlTreeReader {

    private static final YAMLFactory YAML = YAMLFactory.builder().build();

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
        try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), content)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.inFile(file, "the file is empty");
                return Optional.empty();
            }
            return Optional.of(node(parser, first));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
            problems.at(new YamlNode.Mark(file, line, column), "not valid YAML: " + statements(e.getOriginalMessage()));
            return Optional.empty();
        }
    }

    private YamlNode node(JsonParser parser, JsonToken token) {
        YamlNode.Mark mark = mark(parser);
        return switch (token) {
            case START_OBJECT -> mapping(parser, mark);
            case START_ARRAY -> sequence(parser, mark);
            case VALUE_NULL -> new YamlNode.Scalar(null, mark);
            default -> new YamlNode.Scalar(parser.getString(), mark);
        };
    }

    private YamlNode.Mapping mapping(JsonParser parser, YamlNode.Mark mark) {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            YamlNode.Mark keyMark = mark(parser);
            YamlNode value = node(parser, parser.nextToken());
            if (entries.putIfAbsent(key, new YamlNode.Entry(key, keyMark, value)) != null) {
                problems.at(keyMark, "duplicate key '" + key + "'");
            }
        }
        return new YamlNode.Mapping(entries, mark);
    }

    private YamlNode.Sequence sequence(JsonParser parser, YamlNode.Mark mark) {
        List<YamlNode> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            items.add(node(parser, t));
        }
        return new YamlNode.Sequence(items, mark);
    }

    private YamlNode.Mark mark(JsonParser parser) {
        TokenStreamLocation at = parser.currentTokenLocation();
        return new YamlNode.Mark(file, at.getLineNr(), at.getColumnNr());
    }

    /**
     * SnakeYAML's message in one line: its statements ("while parsing a block collection", "expected
     * &lt;block end&gt;, but found ...") without the indented position and source-snippet lines.
     */
    private static String statements(String message) {
        if (message == null) {
            return "unreadable";
        }
        return message.lines()
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }
}
