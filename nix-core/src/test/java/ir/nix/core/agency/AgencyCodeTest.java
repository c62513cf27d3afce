package ir.nix.core.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The shape {@code [A-Z][A-Z0-9_]{1,15}}, checked by hand since every inquiry checks two or three codes. */
class AgencyCodeTest {

    @Test
    void acceptsTwoToSixteenUpperCaseLettersDigitsAndUnderscoresStartingWithALetter() {
        for (String code : new String[] {"CRA", "MO", "POST_2", "A1234567890ABCDE", "X_"}) {
            assertThat(AgencyCode.isWellFormed(code)).as(code).isTrue();
            assertThat(new AgencyCode(code).value()).isEqualTo(code);
        }
    }

    @Test
    void refusesEveryOtherShape() {
        for (String code : new String[] {"", "C", "cra", "Cra", "1CRA", "_CRA", "CRA-1", "CRA ", "A1234567890ABCDEF", "ÇRA",
                "CR\u0410"}) {
            assertThat(AgencyCode.isWellFormed(code)).as(code).isFalse();
            assertThatThrownBy(() -> new AgencyCode(code)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(AgencyCode.isWellFormed(null)).isFalse();
    }
}
