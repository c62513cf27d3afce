package ir.nix.core.identifier;


/**
 * Iranian national code (کد ملی) of a natural person: three digits of the issuing office, a
 * six-digit serial and a mod-11 check digit.
 *
 * <p>Check digit: s = Σ d[i]·(10 − i) over the first nine digits, r = s mod 11; the tenth digit
 * is r when r &lt; 2, otherwise 11 − r. Codes of ten identical digits pass that check yet are
 * never issued, and neither is a zero serial (rule also applied by persian-tools'
 * {@code verifyIranianNationalId}), so both are rejected.
 *
 * <p>{@link #toString()} masks the value so that a code never reaches a log by accident; read
 * it through {@link #value()} where it is really needed.
 */
public record NationalCode(String value) {

    private static final IdentifierForm FORM = new IdentifierForm("national code",
            Digits::normalise, NationalCode::problem);
    static final int LENGTH = 10;
    static final String ZERO_SERIAL = "serial digits are all zero";

    /** Accepts Persian/Arabic digits and surrounding blanks; stores ten ASCII digits. */
    public NationalCode {
        value = FORM.checked(value);
    }

    public static Parsed<NationalCode> parse(String raw) {
        return FORM.parse(raw, NationalCode::new);
    }

    /**
     * Appends the check digit, so that simulators and tests can make synthetic valid codes.
     *
     * @throws IllegalArgumentException if the input is not nine digits or the result breaks
     *     another rule (e.g. {@code 111111111} completes to ten identical digits)
     */
    public static NationalCode completing(String firstNineDigits) {
        return new NationalCode(Digits.withCheckDigit(firstNineDigits, LENGTH - 1, NationalCode::checkDigit,
                "first digits of a national code"));
    }

    /** Check digit for the first nine digits of {@code digits}. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += Digits.at(digits, i) * (LENGTH - i);
        }
        int remainder = sum % 11;
        return remainder < 2 ? remainder : 11 - remainder;
    }

    private static String problem(String candidate) {
        String shape = Digits.shapeProblem(candidate, LENGTH);
        if (shape != null) {
            return shape;
        }
        if (Digits.allSame(candidate)) {
            return Digits.ALL_SAME;
        }
        if (Digits.allZero(candidate.substring(3, 9))) {
            return ZERO_SERIAL;
        }
        if (Digits.at(candidate, LENGTH - 1) != checkDigit(candidate)) {
            return Digits.CHECK_DIGIT;
        }
        return null;
    }

    @Override
    public String toString() {
        return "NationalCode[******]";
    }
}
