package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** All codes are synthetic. */
class PostalCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"1346789013", "9876412345", "3149817655", "1193653471", "7134100000"})
    void acceptsPostalCodeFollowingIranPostRules(String code) {
        assertThat(PostalCode.parse(code).orElseThrow().value()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1346712345",   // 2 in the delivery part
        "1346700000",   // 0 in the delivery part
        "1346722222"
    })
    void acceptsZeroAndTwoInTheLastFiveDigits(String code) {
        assertThat(PostalCode.parse(code).isValid()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0346789013", "1046789013", "1306789013", "1340789013", "1346089013",
        "2346789013", "1246789013", "1326789013", "1342789013", "1346289013"})
    void rejectsPostalCodeWithZeroOrTwoInFirstFiveDigits(String code) {
        assertThat(PostalCode.parse(code)).isEqualTo(Parsed.invalid("first five digits must not contain 0 or 2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1346589013", "9999589013", "3333513467"})
    void rejectsPostalCodeWhoseFifthDigitIsFive(String code) {
        assertThat(PostalCode.parse(code)).isEqualTo(Parsed.invalid("fifth digit must not be 5"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1111345678", "3333413467", "9999999999", "7777178901"})
    void rejectsPostalCodeStartingWithFourIdenticalDigits(String code) {
        assertThat(PostalCode.parse(code)).isEqualTo(Parsed.invalid("must not start with four identical digits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1113456789", "3334134670"})
    void acceptsThreeIdenticalLeadingDigits(String code) {
        assertThat(PostalCode.parse(code).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13467-89013", "13467 89013", "۱۳۴۶۷۸۹۰۱۳", "۱۳۴۶۷-۸۹۰۱۳", "١٣٤٦٧٨٩٠١٣", " 1346789013 "})
    void acceptsPrintedFormAndPersianOrArabicDigits(String raw) {
        assertThat(PostalCode.parse(raw).orElseThrow()).isEqualTo(new PostalCode("1346789013"));
    }
}
