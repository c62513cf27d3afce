package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bus must not echo or store personal identifiers in error texts or logs, so no reason a
 * parser gives may contain the input, in any of its digit spellings.
 */
class PrivacyTest {

    static Stream<Arguments> invalidInputs() {
        Function<String, Parsed<?>> national = NationalCode::parse;
        Function<String, Parsed<?>> legal = LegalEntityId::parse;
        Function<String, Parsed<?>> postal = PostalCode::parse;
        Function<String, Parsed<?>> mobile = MobileNumber::parse;
        Function<String, Parsed<?>> date = JalaliDateInput::parse;
        return Stream.of(
                Arguments.of("national code, wrong check digit", national, "0499370898"),
                Arguments.of("national code, same digits", national, "4444444444"),
                Arguments.of("national code, too long", national, "04993708991"),
                Arguments.of("national code, letter", national, "04993708x9"),
                Arguments.of("national code, Persian digits", national, "۰۴۹۹۳۷۰۸۹۸"),
                Arguments.of("legal ID, wrong check digit", legal, "12345678907"),
                Arguments.of("legal ID, too short", legal, "1234567890"),
                Arguments.of("legal ID, Arabic digits", legal, "١٢٣٤٥٦٧٨٩٠٧"),
                Arguments.of("postal code, 0 in route", postal, "1046789013"),
                Arguments.of("postal code, fifth digit 5", postal, "1346589013"),
                Arguments.of("postal code, four identical", postal, "1111345678"),
                Arguments.of("postal code, too long", postal, "13467890134"),
                Arguments.of("mobile, landline", mobile, "02112345678"),
                Arguments.of("mobile, letters", mobile, "0912abc6789"),
                Arguments.of("mobile, too long", mobile, "+98 912 345 67890"),
                Arguments.of("mobile, Persian digits", mobile, "۰۹۱۲۳۴۵۶۷۸"),
                Arguments.of("date, no such day", date, "1402/12/30"),
                Arguments.of("date, bad shape", date, "1402-12/30"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void invalidReasonNeverContainsTheInput(String label, Function<String, Parsed<?>> parser, String input) {
        Parsed<?> parsed = parser.apply(input);

        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        String reason = ((Parsed.Invalid<?>) parsed).reason();
        String normalised = Digits.normalisePhone(input);
        assertThat(reason)
                .isNotBlank()
                .doesNotContain(input)
                .doesNotContain(input.strip())
                .doesNotContain(Digits.normalise(input))
                .doesNotContain(normalised)
                .doesNotContain(normalised.substring(normalised.length() - 6));
        assertThat(parsed.toString()).doesNotContain(input).doesNotContain(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void orElseThrowMessageNeverContainsTheInput(String label, Function<String, Parsed<?>> parser, String input) {
        Parsed<?> parsed = parser.apply(input);

        try {
            parsed.orElseThrow();
            throw new AssertionError("expected an invalid outcome");
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).doesNotContain(input).doesNotContain(Digits.normalisePhone(input));
        }
    }
}
