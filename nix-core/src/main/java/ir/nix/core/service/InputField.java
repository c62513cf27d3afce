package ir.nix.core.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One input item of a service.
 *
 * @param name        the field name callers use (REST JSON property, SOAP element)
 * @param type        how the value is parsed and validated
 * @param required    whether the caller must send it
 * @param dataSubject whether the value identifies the data subject (a person or enterprise): such
 *                    values may feed the optional keyed subject token, never the store
 * @param description one line for the service ID card
 * @param pattern     a pattern the raw text must match, or null for the type's own canonical pattern
 * @param values      the allowed values of an {@link FieldType#ENUM} input; empty otherwise
 */
public record InputField(String name, FieldType type, boolean required, boolean dataSubject, String description,
                         String pattern, List<String> values) {

    public InputField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        values = values == null ? List.of() : List.copyOf(values);
        if (pattern != null) {
            Pattern.compile(pattern);
        }
        if (type == FieldType.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("input " + name + " of type enum lists no values");
        }
    }

    public static InputField subject(String name, FieldType type, String description) {
        return new InputField(name, type, true, true, description, null, List.of());
    }

    public static InputField required(String name, FieldType type, String description) {
        return new InputField(name, type, true, false, description, null, List.of());
    }

    /** The pattern the contracts publish: the descriptor's own, else the type's canonical one. */
    public Optional<String> contractPattern() {
        return Optional.ofNullable(pattern).or(() -> Optional.ofNullable(type.pattern()));
    }
}
