package ir.nix.core.service;

import ir.nix.core.identifier.Parsed;

/** Parsing of plain numeric inputs; reasons name the rule, never the value. */
final class BoundedNumber {

    private BoundedNumber() {
    }

    static Parsed<?> parse(String raw, int min, int max) {
        String text = asciiDigits(raw);
        if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
            return new Parsed.Invalid<>("must be a whole number");
        }
        int value = Integer.parseInt(text);
        if (value < min || value > max) {
            return new Parsed.Invalid<>("must be between " + min + " and " + max);
        }
        return new Parsed.Valid<>(value);
    }

    static Parsed<?> digits(String raw, int minLength, int maxLength) {
        String text = asciiDigits(raw);
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new Parsed.Invalid<>("must contain digits only");
        }
        if (text.length() < minLength || text.length() > maxLength) {
            return new Parsed.Invalid<>("must be " + minLength + " to " + maxLength + " digits");
        }
        return new Parsed.Valid<>(text);
    }

    /** Persian (U+06F0..) and Arabic-Indic (U+0660..) digits are as valid as ASCII ones on Iranian forms. */
    private static String asciiDigits(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (char c : raw.strip().toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + (c - '\u06F0')));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + (c - '\u0660')));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
