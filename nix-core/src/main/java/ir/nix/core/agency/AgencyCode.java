package ir.nix.core.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stable code of an agency, as used in headers, grants, metrics labels and reports (e.g. {@code CRA}).
 * Persian names live in the policy bundle; the code is the only agency datum that travels.
 */
/** In JSON (traffic queue, operator APIs) the bare code. */
public record AgencyCode(@JsonValue String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z][A-Z0-9_]{1,15}");

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgencyCode {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("agency code must be 2-16 upper-case letters, digits or '_'");
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
