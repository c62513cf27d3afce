package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** All numbers are synthetic. */
class MobileNumberTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "09123456789",
        "+989123456789",
        "00989123456789",
        "989123456789",
        "9123456789",
        "+98 912 345 6789",
        "0912-345-6789",
        "(0912) 345 67 89",
        "+98 (0) 912 345 6789",
        "۰۹۱۲۳۴۵۶۷۸۹",
        "٠٩١٢٣٤٥٦٧٨٩",
        "+۹۸۹۱۲۳۴۵۶۷۸۹",
        "  ۰۹۱۲ ۳۴۵ ۶۷۸۹ ",
        "0098-912-345-6789"
    })
    void normalisesEveryAcceptedFormToCanonical(String raw) {
        assertThat(MobileNumber.parse(raw).orElseThrow().value()).isEqualTo("09123456789");
    }

    @Test
    void treatsTenDigitsStartingWith98AsANationalNumber() {
        assertThat(MobileNumber.parse("9812345678").orElseThrow().value()).isEqualTo("09812345678");
    }

    @Test
    void givesTheInternationalForm() {
        assertThat(MobileNumber.parse("0912 345 6789").orElseThrow().international()).isEqualTo("989123456789");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "0912345678",       // one digit short
        "091234567890",     // one digit long
        "02112345678",      // Tehran landline
        "08123456789",
        "+19123456789",     // not Iran
        "+9809",
        "9"
    })
    void rejectsNumbersThatAreNotIranianMobiles(String raw) {
        assertThat(MobileNumber.parse(raw)).isEqualTo(Parsed.invalid("must be 09 followed by 9 digits"));
    }

    @Test
    void constructorNormalisesLikeParse() {
        assertThat(new MobileNumber("+98 912 345 6789")).isEqualTo(new MobileNumber("09123456789"));
    }

    @Test
    void toStringDoesNotRevealTheNumber() {
        MobileNumber number = new MobileNumber("09123456789");

        assertThat(number.toString())
                .isEqualTo("MobileNumber[******]")
                .doesNotContain("09123456789")
                .doesNotContain("9123456789")
                .doesNotContain("3456789");
        assertThat(MobileNumber.parse("+989123456789").toString()).doesNotContain("9123456789");
    }
}
