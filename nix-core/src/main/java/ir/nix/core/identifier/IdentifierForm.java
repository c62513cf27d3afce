package ir.nix.core.identifier;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * How an identifier type reads text, shared by its constructor and its {@code parse}: the canonical form of the
 * raw text, and the rule it breaks ({@code null} when it breaks none). Neither ever repeats the value.
 *
 * @param name      how an error message names the type, e.g. {@code national code}
 * @param canonical the raw text in canonical form (ASCII digits, no separators), or as is when it cannot be
 * @param problem   the rule the canonical text breaks, or {@code null}
 */
record IdentifierForm(String name, UnaryOperator<String> canonical, UnaryOperator<String> problem) {

    /** For a compact constructor: the canonical value, or {@link IllegalArgumentException} naming the rule. */
    String checked(String raw) {
        Objects.requireNonNull(raw, "value");
        String value = canonical.apply(raw);
        String broken = problem.apply(value);
        if (broken != null) {
            throw new IllegalArgumentException(name + " " + broken);
        }
        return value;
    }

    /** The identifier {@code make} builds from the canonical text, or the rule the text breaks. */
    <T> Parsed<T> parse(String raw, Function<String, T> make) {
        String candidate = canonical.apply(raw);
        String broken = problem.apply(candidate);
        return broken == null ? Parsed.valid(make.apply(candidate)) : Parsed.invalid(broken);
    }
}
