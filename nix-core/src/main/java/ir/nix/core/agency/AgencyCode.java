package ir.nix.core.agency;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Stable code of an agency, as used in headers, grants, metrics labels and reports (e.g. {@code CRA}).
 * Persian names live in the policy bundle; the code is the only agency datum that travels.
 */
/** In JSON (traffic queue, operator APIs) the bare code. */
public record AgencyCode(@JsonValue String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public AgencyCode {
        Objects.requireNonNull(value, "value");
        if (!shaped(value)) {
            throw new IllegalArgumentException("agency code must be 2-16 upper-case letters, digits or '_'");
        }
    }

    public static boolean isWellFormed(String candidate) {
        return candidate != null && shaped(candidate);
    }

    /** {@code [A-Z][A-Z0-9_]{1,15}}, checked without a regular expression: every inquiry checks two or three codes. */
    private static boolean shaped(String text) {
        int length = text.length();
        if (length < 2 || length > 16 || !upper(text.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = text.charAt(i);
            if (!upper(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    @Override
    public String toString() {
        return value;
    }
}
