package ir.nix.core.identifier;

import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of parsing untrusted input into a value type.
 *
 * <p>Parsing returns a value instead of throwing because bad identifiers in requests are an
 * ordinary outcome for the bus, not an exceptional one. An {@link Invalid} names the rule that was
 * broken and never the input itself: the bus must not echo or store personal identifiers in error
 * texts or logs.
 */
public sealed interface Parsed<T> permits Parsed.Valid, Parsed.Invalid {

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(String reason) {
        return new Invalid<>(reason);
    }

    boolean isValid();

    /** The value, or {@link IllegalArgumentException} carrying the reason (never the input). */
    T orElseThrow();

    Optional<T> toOptional();

    record Valid<T>(T value) implements Parsed<T> {

        public Valid {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isValid() {
            return true;
        }

        @Override
        public T orElseThrow() {
            return value;
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.of(value);
        }
    }

    /** {@code reason} is a short text such as "check digit does not match", safe to log. */
    record Invalid<T>(String reason) implements Parsed<T> {

        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean isValid() {
            return false;
        }

        @Override
        public T orElseThrow() {
            throw new IllegalArgumentException(reason);
        }

        @Override
        public Optional<T> toOptional() {
            return Optional.empty();
        }
    }
}
