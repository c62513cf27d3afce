package ir.nix.core.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.identifier.NationalCode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubjectTokensTest {

    private static final String NOVEMBER_KEY = "bml4LXRlc3Qtc3ViamVjdC1rZXktdGhpcy1tb250aCE=";
    private static final String OCTOBER_KEY = "bml4LXRlc3Qtc3ViamVjdC1rZXktbGFzdC1tb250aCE=";
    private static final Instant NOVEMBER = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant OCTOBER = Instant.parse("2026-10-05T10:00:00Z");
    private static final NationalCode PERSON = new NationalCode("0499370899");

    private final SubjectTokens tokens = new SubjectTokens(new SubjectTokenProperties(true,
            Map.of("2026-11", NOVEMBER_KEY, "2026-10", OCTOBER_KEY)));

    @Test
    void givesTheSameSubjectTheSameTokenWithinAMonth() {
        assertThat(tokens.token(PERSON, NOVEMBER)).isEqualTo(tokens.token(PERSON, NOVEMBER.plusSeconds(86_400)));
    }

    @Test
    void rotatesTheTokenWithTheMonthsKey() {
        assertThat(tokens.token(PERSON, NOVEMBER)).isNotEqualTo(tokens.token(PERSON, OCTOBER));
        assertThat(tokens.token(PERSON, NOVEMBER).orElseThrow()).startsWith("2026-11.");
    }

    @Test
    void neverContainsTheIdentifier() {
        assertThat(tokens.token(PERSON, NOVEMBER).orElseThrow()).doesNotContain(PERSON.value());
    }

    @Test
    void tellsPersonsAndEnterprisesApartEvenWithTheSameDigits() {
        LegalEntityId enterprise = LegalEntityId.completing("1010176543");
        assertThat(tokens.token(enterprise, NOVEMBER)).isPresent().isNotEqualTo(tokens.token(PERSON, NOVEMBER));
    }

    @Test
    void givesNoTokenForAMonthWhoseKeyIsGone() {
        assertThat(tokens.token(PERSON, Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void givesNoTokenForIdentifiersThatAreNotSubjects() {
        assertThat(tokens.token("09121234567", NOVEMBER)).isEmpty();
    }

    @Test
    void listsTheSubjectsTokenUnderEveryKeyHeld() {
        assertThat(tokens.tokensOf(PERSON)).containsExactlyInAnyOrder(tokens.token(PERSON, NOVEMBER).orElseThrow(),
                tokens.token(PERSON, OCTOBER).orElseThrow());
    }

    @Test
    void givesNothingWhenDisabled() {
        SubjectTokens off = new SubjectTokens(new SubjectTokenProperties(false, Map.of()));
        assertThat(off.token(PERSON, NOVEMBER)).isEmpty();
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new SubjectTokens(new SubjectTokenProperties(true, Map.of("2026-11", "c2hvcnQ="))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 bytes");
    }
}
