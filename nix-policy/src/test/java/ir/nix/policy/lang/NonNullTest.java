package ir.nix.policy.lang;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class NonNullTest {

    @Test
    void acceptsComponentsThatAreAllPresent() {
        assertThatCode(() -> NonNull.components("id service at", "g-1", "shahkar", 3)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"0, id", "1, service", "2, at"})
    void namesTheFirstComponentThatIsNull(int nullAt, String named) {
        Object[] values = {"g-1", "shahkar", 3};
        values[nullAt] = null;

        assertThatNullPointerException().isThrownBy(() -> NonNull.components("id service at", values))
                .withMessage(named);
    }

    @Test
    void refusesNamesThatDoNotMatchTheValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> NonNull.components("id service", "g-1", "shahkar", 3))
                .withMessageContaining("2 names for 3 values");
    }
}
