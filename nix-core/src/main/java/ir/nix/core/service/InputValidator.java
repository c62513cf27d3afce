package ir.nix.core.service;

import ir.nix.core.identifier.Parsed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Validates raw request fields against a service's input schema. */
public final class InputValidator {

    private static final Pattern PRINTABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    private InputValidator() {
    }

    public static InputCheck check(ServiceDescriptor service, Map<String, String> raw) {
        for (String name : raw.keySet()) {
            if (service.input(name).isEmpty()) {
                return new InputCheck.FieldError(printable(name), "is not an input of service " + service.code());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (InputField field : service.inputs()) {
            String text = raw.get(field.name());
            if (text == null || text.isBlank()) {
                if (field.required()) {
                    return new InputCheck.FieldError(field.name(), "is required");
                }
                continue;
            }
            Parsed<?> parsed = parse(field, text);
            if (parsed instanceof Parsed.Invalid<?> invalid) {
                return new InputCheck.FieldError(field.name(), invalid.reason());
            }
            values.put(field.name(), ((Parsed.Valid<?>) parsed).value());
        }
        return new InputCheck.Valid(new ValidatedInput(values));
    }

    /**
     * The type's own parse, then the descriptor's rules. Only a descriptor's explicit pattern is
     * enforced: an identifier type's canonical pattern is what clients are told to send, while its
     * parser also takes Persian digits and the separators people type.
     */
    private static Parsed<?> parse(InputField field, String text) {
        Parsed<?> parsed = field.type().parse(text);
        if (parsed instanceof Parsed.Invalid<?>) {
            return parsed;
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(text.strip()).matches()) {
            return new Parsed.Invalid<>("does not match the pattern " + field.pattern());
        }
        if (!field.values().isEmpty() && !field.values().contains(text.strip())) {
            return new Parsed.Invalid<>("must be one of " + String.join(", ", field.values()));
        }
        return parsed;
    }

    /** A caller-chosen field name is echoed only when it is plainly a name, never arbitrary text. */
    private static String printable(String name) {
        return PRINTABLE_NAME.matcher(name).matches() ? name : "(unnamed field)";
    }
}
