package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** All IDs are synthetic. */
class LegalEntityIdTest {

    // 12345678906: k = 0 + 2; Σ (d + 2)·c = 87+108+115+114+119+232+243+230+209+34 = 1491, 1491 mod 11 = 6
    // 14011234560: the weighted sum is ≡ 10 (mod 11), which the rule maps to check digit 0
    static final String[] VALID = {"12345678906", "14011234560", "14001234562", "10865432101"};

    static Stream<String> validIds() {
        return Stream.of(VALID);
    }

    static Stream<Arguments> idsWithWrongCheckDigit() {
        return Stream.of(VALID).flatMap(id -> IntStream.rangeClosed(0, 9)
                .filter(d -> d != id.charAt(10) - '0')
                .mapToObj(d -> Arguments.of(id.substring(0, 10) + d)));
    }

    @ParameterizedTest
    @MethodSource("validIds")
    void acceptsLegalEntityIdWithCorrectCheckDigit(String id) {
        assertThat(LegalEntityId.parse(id).orElseThrow().value()).isEqualTo(id);
    }

    @ParameterizedTest
    @MethodSource("idsWithWrongCheckDigit")
    void rejectsLegalEntityIdWithWrongCheckDigit(String id) {
        assertThat(LegalEntityId.parse(id)).isEqualTo(Parsed.invalid("check digit does not match"));
    }

    @Test
    void mapsRemainderTenToCheckDigitZero() {
        assertThat(LegalEntityId.checkDigit("1401123456")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000", "11111111111", "77777777777", "99999999999"})
    void rejectsLegalEntityIdWhoseDigitsAreAllTheSame(String id) {
        assertThat(LegalEntityId.parse(id)).isEqualTo(Parsed.invalid("all digits are the same"));
    }

    @Test
    void rejectsLegalEntityIdWithAllZeroFirstTenDigits() {
        // The shifted weights give the all-zero prefix a matching check digit of 9.
        assertThat(LegalEntityId.checkDigit("0000000000")).isEqualTo(9);
        assertThat(LegalEntityId.parse("00000000009")).isEqualTo(Parsed.invalid("first ten digits are all zero"));
    }

    @Test
    void rejectsLegalEntityIdWithZeroSerial() {
        String zeroSerial = "123000000" + "4";
        String id = zeroSerial + LegalEntityId.checkDigit(zeroSerial);

        assertThat(LegalEntityId.parse(id)).isEqualTo(Parsed.invalid("serial digits are all zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"۱۲۳۴۵۶۷۸۹۰۶", "١٢٣٤٥٦٧٨٩٠٦", " 12345678906\u200F"})
    void acceptsPersianAndArabicDigits(String raw) {
        assertThat(LegalEntityId.parse(raw).orElseThrow()).isEqualTo(new LegalEntityId("12345678906"));
    }

    @ParameterizedTest
    @MethodSource("validIds")
    void completingRestoresTheCheckDigit(String id) {
        assertThat(LegalEntityId.completing(id.substring(0, 10)).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1020304050", "۱۴۰۲۰۰۳۰۰۱", "9876543219", "1400987654"})
    void completedIdsAlwaysParse(String firstTen) {
        LegalEntityId completed = LegalEntityId.completing(firstTen);

        assertThat(LegalEntityId.parse(completed.value()).orElseThrow()).isEqualTo(completed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678906", "12345678x0"})
    void completingRejectsAnythingButTenDigits(String firstTen) {
        assertThatThrownBy(() -> LegalEntityId.completing(firstTen))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(firstTen);
    }
}
