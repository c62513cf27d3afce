package ir.nix.core.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/** A request's inputs after validation: every value is of its field's type and valid. */
public final class ValidatedInput {

    private final Map<String, Object> values;

    ValidatedInput(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static ValidatedInput of(Map<String, Object> values) {
        return new ValidatedInput(values);
    }

    public <T> T get(String name, Class<T> type) {
        return find(name, type).orElseThrow(() -> new NoSuchElementException("no input named " + name));
    }

    public <T> Optional<T> find(String name, Class<T> type) {
        return Optional.ofNullable(values.get(name)).map(type::cast);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** Deliberately opaque: validated input is personal data and must not reach a log line. */
    @Override
    public String toString() {
        return "ValidatedInput" + values.keySet();
    }
}
