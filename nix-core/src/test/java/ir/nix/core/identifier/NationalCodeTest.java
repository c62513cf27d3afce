package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** All codes are synthetic; check digits worked by hand where noted. */
class NationalCodeTest {

    // 0499370899: s = 266, r = 2, check 11 - 2 = 9
    // 1234567891: s = 210, r = 1, check r = 1
    // 9876543210: s = 330, r = 0, check r = 0
    static final String[] VALID = {"0499370899", "1234567891", "9876543210", "5551112225", "0012345679"};

    static Stream<String> validCodes() {
        return Stream.of(VALID);
    }

    /** Every valid code with each of its nine wrong check digits. */
    static Stream<Arguments> codesWithWrongCheckDigit() {
        return Stream.of(VALID).flatMap(code -> IntStream.rangeClosed(0, 9)
                .filter(d -> d != code.charAt(9) - '0')
                .mapToObj(d -> Arguments.of(code.substring(0, 9) + d)));
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void acceptsNationalCodeWithCorrectCheckDigit(String code) {
        Parsed<NationalCode> parsed = NationalCode.parse(code);

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.orElseThrow().value()).isEqualTo(code);
    }

    @ParameterizedTest
    @MethodSource("codesWithWrongCheckDigit")
    void rejectsNationalCodeWithWrongCheckDigit(String code) {
        assertThat(NationalCode.parse(code)).isEqualTo(Parsed.invalid("check digit does not match"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "1111111111", "2222222222", "5555555555", "9999999999"})
    void rejectsNationalCodeWhoseDigitsAreAllTheSame(String code) {
        assertThat(NationalCode.parse(code)).isEqualTo(Parsed.invalid("all digits are the same"));
    }

    @Test
    void rejectsNationalCodeWithZeroSerial() {
        // 123 000000 x would otherwise pass: s = 10 + 18 + 24 = 52, r = 8, check 3
        assertThat(NationalCode.parse("1230000003")).isEqualTo(Parsed.invalid("serial digits are all zero"));
    }

    @ParameterizedTest
    @CsvSource({
        "۰۴۹۹۳۷۰۸۹۹",
        "٠٤٩٩٣٧٠٨٩٩",
        "'  0499370899 '",
        "۰۴۹۹370899"
    })
    void acceptsPersianAndArabicDigitsAndStoresAscii(String raw) {
        assertThat(NationalCode.parse(raw).orElseThrow()).isEqualTo(new NationalCode("0499370899"));
    }

    @Test
    void constructorNormalisesLikeParse() {
        assertThat(new NationalCode("۰۴۹۹۳۷۰۸۹۹").value()).isEqualTo("0499370899");
    }

    @ParameterizedTest
    @MethodSource("validCodes")
    void completingRestoresTheCheckDigit(String code) {
        assertThat(NationalCode.completing(code.substring(0, 9)).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"049937089", "۰۴۹۹۳۷۰۸۹", "300100200", "987654321", "111111112"})
    void completedCodesAlwaysParse(String firstNine) {
        NationalCode completed = NationalCode.completing(firstNine);

        assertThat(NationalCode.parse(completed.value()).orElseThrow()).isEqualTo(completed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"04993708", "0499370899", "04993708x"})
    void completingRejectsAnythingButNineDigits(String firstNine) {
        assertThatThrownBy(() -> NationalCode.completing(firstNine))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(firstNine);
    }

    @Test
    void completingRefusesToProduceAnUnissuableCode() {
        // 1×(10+9+…+2) = 54, r = 10, check 1: the result would be ten 1s
        assertThatThrownBy(() -> NationalCode.completing("111111111"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all digits are the same");
    }

    @Test
    void equalCodesAreEqualWhateverTheirInputDigits() {
        assertThat(new NationalCode("۰۴۹۹۳۷۰۸۹۹"))
                .isEqualTo(new NationalCode("0499370899"))
                .hasSameHashCodeAs(new NationalCode("0499370899"));
    }
}
