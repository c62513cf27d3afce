package ir.nix.core.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/** Unique code of an exchange service (003 Art. 9: the service ID card's unique service code). */
/** In JSON (traffic queue, operator APIs) the bare code. */
public record ServiceCode(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,47}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ServiceCode {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("service code must be 2-48 lower-case letters, digits or '-'");
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    /**
     * The service's name where a contract needs an identifier in every common language: SOAP
     * operations and OpenAPI schema names ({@code postal-address} is {@code PostalAddress}).
     */
    public String operationName() {
        StringBuilder name = new StringBuilder(value.length());
        for (String word : value.split("-")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return name.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
