package ir.nix.core.identifier;


/**
 * National ID of a legal entity (شناسه ملی اشخاص حقوقی): ten digits assigned by the registry
 * and one check digit.
 *
 * <p>Check digit, as published with the ID scheme and implemented by persian-tools'
 * {@code verifyIranianLegalId}: with k = d[9] + 2 and weights c = 29, 27, 23, 19, 17, 29, 27,
 * 23, 19, 17, s = Σ (d[i] + k)·c[i] over the first ten digits, r = s mod 11, and r = 10 counts
 * as 0; the eleventh digit must equal r. Because k shifts every term, even an all-zero prefix
 * produces a "valid" check digit ({@code 00000000009}), so that case, a zero serial (digits 4–9,
 * the same source rejects it) and all-identical digits are rejected explicitly.
 *
 * <p>{@link #toString()} masks the value, like the other identifier types.
 */
public record LegalEntityId(String value) {

    private static final IdentifierForm FORM = new IdentifierForm("legal entity ID",
            Digits::normalise, LegalEntityId::problem);
    static final int LENGTH = 11;
    private static final int[] WEIGHTS = {29, 27, 23, 19, 17, 29, 27, 23, 19, 17};

    /** Accepts Persian/Arabic digits and surrounding blanks; stores eleven ASCII digits. */
    public LegalEntityId {
        value = FORM.checked(value);
    }

    public static Parsed<LegalEntityId> parse(String raw) {
        return FORM.parse(raw, LegalEntityId::new);
    }

    /**
     * Appends the check digit, so that simulators and tests can make synthetic valid IDs.
     *
     * @throws IllegalArgumentException if the input is not ten digits or the result breaks
     *     another rule
     */
    public static LegalEntityId completing(String firstTenDigits) {
        return new LegalEntityId(Digits.withCheckDigit(firstTenDigits, LENGTH - 1, LegalEntityId::checkDigit,
                "first digits of a legal entity ID"));
    }

    /** Check digit for the first ten digits of {@code digits}. */
    static int checkDigit(String digits) {
        int shift = Digits.at(digits, 9) + 2;
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (Digits.at(digits, i) + shift) * WEIGHTS[i];
        }
        int remainder = sum % 11;
        return remainder == 10 ? 0 : remainder;
    }

    private static String problem(String candidate) {
        String shape = Digits.shapeProblem(candidate, LENGTH);
        if (shape != null) {
            return shape;
        }
        if (Digits.allSame(candidate)) {
            return Digits.ALL_SAME;
        }
        if (Digits.allZero(candidate.substring(0, LENGTH - 1))) {
            return "first ten digits are all zero";
        }
        if (Digits.allZero(candidate.substring(3, 9))) {
            return "serial digits are all zero";
        }
        if (Digits.at(candidate, LENGTH - 1) != checkDigit(candidate)) {
            return Digits.CHECK_DIGIT;
        }
        return null;
    }

    @Override
    public String toString() {
        return "LegalEntityId[******]";
    }
}
