package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "۰۱۲۳۴۵۶۷۸۹, 0123456789",   // Persian U+06F0..U+06F9
        "٠١٢٣٤٥٦٧٨٩, 0123456789",   // Arabic-Indic U+0660..U+0669
        "۱2٣4, 1234",               // mixed scripts in one value
        "abc, abc"
    })
    void normalisesPersianAndArabicDigitsToAscii(String raw, String expected) {
        assertThat(Digits.normalise(raw)).isEqualTo(expected);
    }

    @Test
    void trimsBlanksAndDirectionMarks() {
        assertThat(Digits.normalise(" \t0499370899\u200F \n")).isEqualTo("0499370899");
        assertThat(Digits.normalise("\u200E۰۴۹۹")).isEqualTo("0499");
    }

    @Test
    void keepsNullAsNull() {
        assertThat(Digits.normalise(null)).isNull();
        assertThat(Digits.normalisePhone(null)).isNull();
    }

    @Test
    void removesSpacesDashesAndParenthesesFromPhoneLikeInput() {
        assertThat(Digits.normalisePhone(" +98 (912) 345-67\u00A089 ")).isEqualTo("+989123456789");
        assertThat(Digits.normalisePhone("۰۹۱۲ ۳۴۵ ۶۷۸۹")).isEqualTo("09123456789");
    }

    @Test
    void countsOnlyAsciiDigitsAsDigits() {
        assertThat(Digits.isAsciiDigits("0123456789")).isTrue();
        assertThat(Digits.isAsciiDigits("")).isFalse();
        assertThat(Digits.isAsciiDigits("12a4")).isFalse();
        // Devanagari digits pass Character.isDigit but are not accepted here.
        assertThat(Digits.isAsciiDigits("\u0967\u0968")).isFalse();
    }

    @Test
    void namesTheBrokenShapeRule() {
        assertThat(Digits.shapeProblem(null, 10)).isEqualTo("must not be empty");
        assertThat(Digits.shapeProblem("", 10)).isEqualTo("must not be empty");
        assertThat(Digits.shapeProblem("12345x7890", 10)).isEqualTo("must contain only digits");
        assertThat(Digits.shapeProblem("123", 10)).isEqualTo("must be 10 digits");
        assertThat(Digits.shapeProblem("1234567890", 10)).isNull();
    }
}
