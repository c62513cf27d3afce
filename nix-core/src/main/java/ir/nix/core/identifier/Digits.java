package ir.nix.core.identifier;

import java.util.function.ToIntFunction;

/**
 * Input clean-up shared by the identifier types.
 *
 * <p>Iranian users and agency systems send Persian (U+06F0–U+06F9) or Arabic-Indic
 * (U+0660–U+0669) digits as often as ASCII ones, so every type accepts them and stores ASCII.
 * Only ASCII {@code 0-9} count as digits afterwards; {@link Character#isDigit} would also let
 * through digits of other scripts.
 */
final class Digits {

    static final String EMPTY = "must not be empty";
    static final String NOT_DIGITS = "must contain only digits";
    static final String ALL_SAME = "all digits are the same";
    static final String CHECK_DIGIT = "check digit does not match";

    private Digits() {
    }

    /** Maps Persian and Arabic-Indic digits to ASCII and trims; {@code null} stays {@code null}. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            // Text copied from right-to-left UIs often carries invisible direction marks.
            if (c == '\u200E' || c == '\u200F' || c == '\u061C') {
                continue;
            }
            out.append(toAscii(c));
        }
        return out.toString().strip();
    }

    /** As {@link #normalise}, and also drops the spaces, dashes and parentheses people type in numbers. */
    static String normalisePhone(String raw) {
        String text = normalise(raw);
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '-' && c != '(' && c != ')') {
                out.append(c);
            }
        }
        return out.toString();
    }

    static char toAscii(char c) {
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        return c;
    }

    static boolean isAsciiDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code first}, the digits before a check digit, normalised and with {@code checkDigit} of them appended;
     * {@link IllegalArgumentException} naming {@code what} and the rule (never the digits) when they are not
     * {@code count} digits. For simulators and tests that make synthetic valid identifiers.
     */
    static String withCheckDigit(String first, int count, ToIntFunction<String> checkDigit, String what) {
        String digits = normalise(first);
        String problem = shapeProblem(digits, count);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
        return digits + checkDigit.applyAsInt(digits);
    }

    /**
     * The broken shape rule of a normalised candidate that should be exactly {@code length} ASCII
     * digits, or {@code null} if it has that shape.
     */
    static String shapeProblem(String candidate, int length) {
        if (candidate == null || candidate.isEmpty()) {
            return EMPTY;
        }
        if (!isAsciiDigits(candidate)) {
            return NOT_DIGITS;
        }
        if (candidate.length() != length) {
            return "must be " + length + " digits";
        }
        return null;
    }

    static boolean allSame(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    static boolean allZero(String digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    static int at(String digits, int index) {
        return digits.charAt(index) - '0';
    }
}
