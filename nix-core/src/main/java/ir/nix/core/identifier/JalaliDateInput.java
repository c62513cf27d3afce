package ir.nix.core.identifier;

import ir.nix.policy.calendar.JalaliDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@link JalaliDate} as agencies send it: {@code yyyy/MM/dd} or {@code yyyy-MM-dd}, ASCII, Persian or Arabic digits. */
public final class JalaliDateInput {

    static final String SHAPE = "must be yyyy/MM/dd";
    private static final Pattern TEXT = Pattern.compile("(\\d{4})([/-])(\\d{1,2})\\2(\\d{1,2})");

    private JalaliDateInput() {
    }

    public static Parsed<JalaliDate> parse(String raw) {
        String text = Digits.normalise(raw);
        if (text == null || text.isEmpty()) {
            return Parsed.invalid(Digits.EMPTY);
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Parsed.invalid(SHAPE);
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        String problem = JalaliDate.problem(year, month, day);
        return problem == null ? Parsed.valid(new JalaliDate(year, month, day)) : Parsed.invalid(problem);
    }
}
