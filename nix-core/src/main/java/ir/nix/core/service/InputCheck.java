package ir.nix.core.service;

/** The result of validating a request's inputs against its service descriptor. */
public sealed interface InputCheck permits InputCheck.Valid, InputCheck.FieldError {

    record Valid(ValidatedInput input) implements InputCheck {
    }

    /**
     * @param field  the offending field's name as the descriptor spells it (or a neutral label for
     *               an unknown field whose name is not safe to print)
     * @param reason the rule broken; never the value
     */
    record FieldError(String field, String reason) implements InputCheck {
        public String detail() {
            return field + ": " + reason;
        }
    }
}
