package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ParsedTest {

    @Test
    void validExposesItsValue() {
        Parsed<String> parsed = Parsed.valid("x");

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.orElseThrow()).isEqualTo("x");
        assertThat(parsed.toOptional()).contains("x");
        assertThat(parsed).isEqualTo(new Parsed.Valid<>("x"));
    }

    @Test
    void invalidThrowsItsReasonOnDemand() {
        Parsed<String> parsed = Parsed.invalid("must be 10 digits");

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.toOptional()).isEmpty();
        assertThatThrownBy(parsed::orElseThrow)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be 10 digits");
    }

    @Test
    void outcomesCanBeMatchedExhaustively() {
        Parsed<NationalCode> parsed = NationalCode.parse("0499370899");

        String described;
        if (parsed instanceof Parsed.Valid<NationalCode> valid) {
            described = "valid " + valid.value().value().length();
        } else if (parsed instanceof Parsed.Invalid<NationalCode> invalid) {
            described = "invalid " + invalid.reason();
        } else {
            throw new AssertionError("Parsed is sealed to Valid and Invalid");
        }

        assertThat(described).isEqualTo("valid 10");
    }

    @Test
    void rejectsMissingValueOrReason() {
        assertThatThrownBy(() -> Parsed.valid(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Parsed.invalid(null)).isInstanceOf(NullPointerException.class);
    }
}
