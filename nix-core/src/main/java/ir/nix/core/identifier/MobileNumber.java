package ir.nix.core.identifier;


/**
 * Iranian mobile number, stored in the domestic form {@code 09xxxxxxxxx}.
 *
 * <p>People and agency systems write the same number as {@code 0912…}, {@code +98912…},
 * {@code 0098912…}, {@code 98912…} or just {@code 912…}, often with Persian digits, spaces,
 * dashes or a {@code (0)}; all are reduced to one canonical form so equal numbers compare
 * equal. Operator prefixes are not checked: they change as numbering ranges are allocated, and
 * rejecting a real subscriber costs more than accepting an unallocated range.
 *
 * <p>{@link #toString()} masks the value: a phone number is personal data.
 */
public record MobileNumber(String value) {

    private static final IdentifierForm FORM = new IdentifierForm("mobile number",
            MobileNumber::canonical, MobileNumber::problem);
    static final String SHAPE = "must be 09 followed by 9 digits";

    public MobileNumber {
        value = FORM.checked(value);
    }

    public static Parsed<MobileNumber> parse(String raw) {
        return FORM.parse(raw, MobileNumber::new);
    }

    /** The number as {@code 989xxxxxxxxx}, the form SMS and telecom providers usually expect. */
    public String international() {
        return "98" + value.substring(1);
    }

    /**
     * Reduces every accepted spelling to {@code 09xxxxxxxxx}; anything it cannot reduce is
     * returned as is for {@link #problem} to reject.
     */
    private static String canonical(String raw) {
        String text = Digits.normalisePhone(raw);
        if (text == null || text.isEmpty()) {
            return text;
        }
        String national;
        if (text.startsWith("+98")) {
            national = text.substring(3);
        } else if (text.startsWith("0098")) {
            national = text.substring(4);
        } else if (text.startsWith("98") && text.length() >= 12) {
            // A bare 98… of ten digits is itself a national number (9 + 8…), not a country code.
            national = text.substring(2);
        } else {
            national = text;
        }
        if (national.startsWith("0")) {
            national = national.substring(1);
        }
        return national.length() == 10 && national.startsWith("9") && Digits.isAsciiDigits(national)
                ? "0" + national
                : text;
    }

    private static String problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Digits.EMPTY;
        }
        String digits = candidate.startsWith("+") ? candidate.substring(1) : candidate;
        if (!Digits.isAsciiDigits(digits)) {
            return Digits.NOT_DIGITS;
        }
        if (candidate.length() != 11 || !candidate.startsWith("09")) {
            return SHAPE;
        }
        return null;
    }

    @Override
    public String toString() {
        return "MobileNumber[******]";
    }
}
