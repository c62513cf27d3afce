package ir.nix.core.service;

import java.util.Objects;
import java.util.regex.Pattern;

/** Unique code of an exchange service (003 Art. 9: the service ID card's unique service code). */
public record ServiceCode(String value) {

    private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{1,47}");

    public ServiceCode {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("service code must be 2-48 lower-case letters, digits or '-'");
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && SHAPE.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
