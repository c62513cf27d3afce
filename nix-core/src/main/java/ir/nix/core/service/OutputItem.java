package ir.nix.core.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Objects;

/**
 * One data item a reply can carry, typed for the contracts. A {@link Type#LIST} item holds a list of
 * records whose items are {@code items}; a grant names them {@code list.item}, or the list as a whole
 * where {@code grantedWhole} says so.
 *
 * @param values       the values an {@link Type#ENUM} item takes; empty otherwise
 * @param grantedWhole for a list: a grant gives the whole list (named {@code list}), not item by item
 */
public record OutputItem(String name, Type type, String description, List<String> values, List<OutputItem> items,
                         boolean grantedWhole) {

    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, ENUM,
        /** Jalali {@code yyyy/MM/dd} text. */
        JALALI_DATE,
        LIST;

        public String fileName() {
            return DescriptorNames.of(this);
        }

        @JsonCreator
        public static Type ofFileName(String name) {
            return DescriptorNames.parse(Type.class, name, "output type");
        }
    }

    public OutputItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        values = values == null ? List.of() : List.copyOf(values);
        items = items == null ? List.of() : List.copyOf(items);
        if (type == Type.LIST && items.isEmpty()) {
            throw new IllegalArgumentException("output " + name + " is a list but names no items");
        }
        if (type != Type.LIST && !items.isEmpty()) {
            throw new IllegalArgumentException("output " + name + " has items but is not a list");
        }
        if (type == Type.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("output " + name + " of type enum lists no values");
        }
    }

    /** The grantable data items this output stands for: itself, or {@code name.item} for each item of a list. */
    List<String> dataItems() {
        return type == Type.LIST && !grantedWhole ? items.stream().map(item -> name + "." + item.name()).toList() : List.of(name);
    }
}
