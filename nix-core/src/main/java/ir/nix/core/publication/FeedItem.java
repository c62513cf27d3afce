package ir.nix.core.publication;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One item of a published entry, as the feed descriptor declares it.
 *
 * @param name        the JSON field name, in the provider's entry and in the subscriber's
 * @param type        how the value is checked
 * @param required    an entry without it is refused
 * @param description what it is
 * @param values      the allowed values of an {@code enum}
 */
public record FeedItem(String name, Type type, boolean required, String description, List<String> values) {

    /** Item types of a feed, written {@code string}, {@code jalali-date}, {@code enum}; values are JSON strings. */
    public enum Type {
        STRING, JALALI_DATE, ENUM;

        @JsonCreator
        public static Type ofFileName(String name) {
            return Arrays.stream(values()).filter(type -> type.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown item type '" + name
                            + "'; one of string, jalali-date, enum"));
        }
    }

    public FeedItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        values = values == null ? List.of() : List.copyOf(values);
        if (type == Type.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("item '" + name + "' is an enum without 'values'");
        }
    }
}
