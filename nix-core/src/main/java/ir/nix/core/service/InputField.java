package ir.nix.core.service;

import java.util.Objects;

/**
 * One input item of a service.
 *
 * @param name        the field name callers use (REST JSON property, SOAP element)
 * @param type        how the value is parsed and validated
 * @param required    whether the caller must send it
 * @param dataSubject whether the value identifies the data subject (a person or enterprise): such
 *                    values may feed the optional keyed subject token, never the store
 * @param description one line for the service ID card
 */
public record InputField(String name, FieldType type, boolean required, boolean dataSubject, String description) {

    public InputField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
    }

    public static InputField subject(String name, FieldType type, String description) {
        return new InputField(name, type, true, true, description);
    }

    public static InputField required(String name, FieldType type, String description) {
        return new InputField(name, type, true, false, description);
    }
}
