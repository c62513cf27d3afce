package ir.nix.core.identifier;


/**
 * Iranian ten-digit postal code (کد پستی): five digits for the postal route (destination city
 * area) and five for the delivery point.
 *
 * <p>Iran Post keeps 0 and 2 out of the first five digits because, handwritten, they are too easily
 * read as 5 and 3 (stated in Persian-language descriptions of the scheme, e.g. khabarkhan.molisy.ir
 * "نشانی پستی چیست"). The widely reused validation pattern
 * {@code ^(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}$} (persian-plus {@code PostalCodeExtensions},
 * milwad-dev/laravel-validate {@code ValidIranPostalCode}, G-Corporation/regex) further says the
 * fifth digit is never 5 and that a code never starts with four identical digits; those rules
 * are enforced too. That pattern also keeps 2 out of the last five digits, but the prose
 * source limits the 0/2 exclusion to the first five and other validators accept any last five
 * digits, so a 2 there is accepted rather than risk refusing real addresses.
 *
 * <p>The printed form {@code 12345-67890} is accepted; the value is stored as ten ASCII digits.
 * {@link #toString()} masks it, because with other data an address identifies a person.
 */
public record PostalCode(String value) {

    private static final IdentifierForm FORM = new IdentifierForm("postal code",
            PostalCode::canonical, PostalCode::problem);
    static final int LENGTH = 10;

    public PostalCode {
        value = FORM.checked(value);
    }

    public static Parsed<PostalCode> parse(String raw) {
        return FORM.parse(raw, PostalCode::new);
    }

    /** Normalises digits and drops the single separator of the printed five-five form. */
    private static String canonical(String raw) {
        String text = Digits.normalise(raw);
        if (text != null && text.length() == LENGTH + 1 && (text.charAt(5) == '-' || text.charAt(5) == ' ')) {
            return text.substring(0, 5) + text.substring(6);
        }
        return text;
    }

    private static String problem(String candidate) {
        String shape = Digits.shapeProblem(candidate, LENGTH);
        if (shape != null) {
            return shape;
        }
        String route = candidate.substring(0, 5);
        if (route.indexOf('0') >= 0 || route.indexOf('2') >= 0) {
            return "first five digits must not contain 0 or 2";
        }
        if (route.charAt(4) == '5') {
            return "fifth digit must not be 5";
        }
        if (Digits.allSame(candidate.substring(0, 4))) {
            return "must not start with four identical digits";
        }
        return null;
    }

    @Override
    public String toString() {
        return "PostalCode[******]";
    }
}
