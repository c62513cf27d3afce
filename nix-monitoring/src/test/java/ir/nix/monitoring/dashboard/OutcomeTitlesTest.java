package ir.nix.monitoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.exchange.OutcomeCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutcomeTitlesTest {

    @ParameterizedTest
    @EnumSource(OutcomeCode.class)
    void namesEveryOutcomeCodeInPersianAndEnglish(OutcomeCode code) {
        OutcomeTitles.Title title = OutcomeTitles.all().get(code.name());

        assertThat(title.fa()).as("Persian title of " + code + " in outcome-titles_fa.properties").isNotBlank();
        assertThat(title.en()).isEqualTo(code.title());
        assertThat(title.outcomeClass()).isEqualTo(code.outcomeClass());
    }
}
