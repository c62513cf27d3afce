package ir.nix.core.publication;

import ir.nix.core.identifier.JalaliDateInput;
import ir.nix.core.identifier.NationalCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a provider's publication, {@code {"entries": [{...}, ...]}}, against its feed descriptor: each
 * entry's subject (tokenised feeds) must be a valid national code and its items present and well-formed;
 * fields the descriptor does not declare are dropped, never delivered. A problem is named by entry number
 * and field, never by value (003 Art. 31.4: a refusal carries no content).
 */
final class PublishedEntries {

    static final String ENTRIES = "entries";

    /** The entries as strings by field, or what is wrong with the publication. */
    sealed interface Result {
        record Read(List<Map<String, String>> entries) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    private final JsonMapper json;
    private final int maxEntries;

    PublishedEntries(JsonMapper json, int maxEntries) {
        this.json = json;
        this.maxEntries = maxEntries;
    }

    Result read(FeedDescriptor feed, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException unreadable) {
            return new Result.Refused("the body is not JSON");
        }
        JsonNode entries = root == null ? null : root.get(ENTRIES);
        if (entries == null || !entries.isArray()) {
            return new Result.Refused("the body must be an object with an array '" + ENTRIES + "'");
        }
        if (entries.size() > maxEntries) {
            return new Result.Refused("more than " + maxEntries + " entries");
        }
        List<Map<String, String>> read = new ArrayList<>(entries.size());
        for (int index = 0; index < entries.size(); index++) {
            Map<String, String> entry = new LinkedHashMap<>();
            String problem = entry(feed, entries.get(index), entry);
            if (problem != null) {
                return new Result.Refused("entry " + (index + 1) + ": " + problem);
            }
            read.add(entry);
        }
        return new Result.Read(read);
    }

    /** Fills {@code into}; returns the problem, or null. */
    private static String entry(FeedDescriptor feed, JsonNode entry, Map<String, String> into) {
        if (!entry.isObject()) {
            return "must be an object";
        }
        if (feed.subject().isPresent()) {
            String subject = feed.subject().get();
            String code = scalar(entry.get(subject));
            if (code == null || !NationalCode.parse(code).isValid()) {
                return "'" + subject + "' must be a valid national code";
            }
            into.put(subject, code);
        }
        for (FeedItem item : feed.items()) {
            String value = scalar(entry.get(item.name()));
            if (value == null) {
                if (item.required()) {
                    return "'" + item.name() + "' is required";
                }
                continue;
            }
            if (!valid(item, value)) {
                return "'" + item.name() + "' must be " + expected(item);
            }
            into.put(item.name(), value);
        }
        return null;
    }

    private static boolean valid(FeedItem item, String value) {
        return switch (item.type()) {
            case STRING -> value.length() <= 500;
            case JALALI_DATE -> JalaliDateInput.parse(value).isValid();
            case ENUM -> item.values().contains(value);
        };
    }

    private static String expected(FeedItem item) {
        return switch (item.type()) {
            case STRING -> "text of at most 500 characters";
            case JALALI_DATE -> "a Jalali date yyyy/MM/dd";
            case ENUM -> "one of " + item.values();
        };
    }

    private static String scalar(JsonNode node) {
        return node == null || node.isNull() || !node.isValueNode() ? null : node.asString();
    }
}
