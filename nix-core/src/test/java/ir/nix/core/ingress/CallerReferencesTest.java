package ir.nix.core.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallerReferencesTest {

    @ParameterizedTest
    @ValueSource(strings = {"0499370899", "moe-0499370899", "09121234567", "req:989121234567", "10101765430",
            "1193653471"})
    void refusesReferencesThatCarryAPersonalIdentifier(String reference) {
        assertThat(CallerReferences.carriesPersonalIdentifier(reference)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"moe-subsidy-42", "01a20908-99f8-7054-abb5-12a823843321", "20261123000123",
            "batch.2026-11-23.17", "0000000000"})
    void acceptsOrdinaryReferences(String reference) {
        assertThat(CallerReferences.carriesPersonalIdentifier(reference)).isFalse();
    }
}
