package ir.nix.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules every identifier type keeps alike, one table for the four: the reason a missing value, a value
 * with other characters than digits, or one of the wrong length is refused with; a constructor that refuses
 * without echoing the value; a {@code toString} that masks it. The rules of one type are in its own test.
 * All values are synthetic.
 */
class IdentifierRulesTest {

    enum Kind {
        NATIONAL_CODE("national code ", NationalCode::parse, NationalCode::new),
        LEGAL_ENTITY_ID("legal entity ID ", LegalEntityId::parse, LegalEntityId::new),
        POSTAL_CODE("postal code ", PostalCode::parse, PostalCode::new),
        MOBILE_NUMBER("mobile number ", MobileNumber::parse, MobileNumber::new);

        final String named;
        final Function<String, Parsed<?>> parse;
        final Function<String, Object> construct;

        Kind(String named, Function<String, Parsed<?>> parse, Function<String, Object> construct) {
            this.named = named;
            this.parse = parse;
            this.construct = construct;
        }
    }

    static Stream<Arguments> missing() {
        return Stream.of(
                values(Kind.NATIONAL_CODE, null, "", "   ", "\t"),
                values(Kind.LEGAL_ENTITY_ID, null, "", " "),
                values(Kind.POSTAL_CODE, null, "", "  "),
                values(Kind.MOBILE_NUMBER, null, "", " ", " - ( ) ")).flatMap(Function.identity());
    }

    static Stream<Arguments> nonDigits() {
        return Stream.of(
                values(Kind.NATIONAL_CODE, "04993708a9", "0499-370899", "049 9370899", "+499370899", "0499370899.",
                        "१२३४५६७८९०"),
                values(Kind.LEGAL_ENTITY_ID, "1234567890O", "12345-678906", "1234567890 6", "-1234567890"),
                values(Kind.POSTAL_CODE, "13467-890-13", "1346x89013", "13467--89013", "13467_89013", "1346-789013"),
                values(Kind.MOBILE_NUMBER, "0912abc6789", "+98+9123456789", "0912.345.6789", "+", "09123456789#"))
                .flatMap(Function.identity());
    }

    /** The mobile number's own shape rule is in {@link MobileNumberTest}. */
    static Stream<Arguments> wrongLength() {
        return Stream.of(
                values(Kind.NATIONAL_CODE, "049937089", "04993708990", "1", "499370899").map(with("must be 10 digits")),
                values(Kind.LEGAL_ENTITY_ID, "1234567890", "123456789061", "0499370899").map(with("must be 11 digits")),
                values(Kind.POSTAL_CODE, "134678901", "13467890134", "13467").map(with("must be 10 digits")))
                .flatMap(Function.identity());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                values(Kind.NATIONAL_CODE, "0499370898", "1111111111", "04993708", "04993708x9"),
                values(Kind.LEGAL_ENTITY_ID, "12345678907", "00000000009", "1234567890"),
                values(Kind.POSTAL_CODE, "1046789013", "1346589013", "1111345678", "13467"),
                values(Kind.MOBILE_NUMBER, "02112345678", "0912345678", "0912abc6789")).flatMap(Function.identity());
    }

    /** The mobile number's masking, which hides its national and international forms, is in {@link MobileNumberTest}. */
    static Stream<Arguments> valid() {
        return Stream.of(
                values(Kind.NATIONAL_CODE, NationalCodeTest.VALID),
                values(Kind.LEGAL_ENTITY_ID, LegalEntityIdTest.VALID),
                values(Kind.POSTAL_CODE, "1346789013", "9876412345")).flatMap(Function.identity());
    }

    @ParameterizedTest(name = "{0} \"{1}\"")
    @MethodSource("missing")
    void refusesAMissingValue(Kind kind, String raw) {
        assertThat(kind.parse.apply(raw)).isEqualTo(Parsed.invalid("must not be empty"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("nonDigits")
    void refusesOtherCharactersThanDigits(Kind kind, String raw) {
        assertThat(kind.parse.apply(raw)).isEqualTo(Parsed.invalid("must contain only digits"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("wrongLength")
    void refusesTheWrongLength(Kind kind, String raw, String reason) {
        assertThat(kind.parse.apply(raw)).isEqualTo(Parsed.invalid(reason));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalid")
    void constructorRefusesAnInvalidValueWithoutEchoingIt(Kind kind, String raw) {
        assertThatThrownBy(() -> kind.construct.apply(raw))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(kind.named)
                .hasMessageNotContaining(raw);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("valid")
    void toStringDoesNotRevealTheValue(Kind kind, String raw) {
        Object identifier = kind.construct.apply(raw);

        assertThat(identifier.toString()).isEqualTo(identifier.getClass().getSimpleName() + "[******]")
                .doesNotContain(raw);
        assertThat(kind.parse.apply(raw).toString()).doesNotContain(raw);
    }

    private static Stream<Arguments> values(Kind kind, String... raw) {
        return Arrays.stream(raw).map(value -> Arguments.of(kind, value));
    }

    private static Function<Arguments, Arguments> with(String reason) {
        return arguments -> Arguments.of(arguments.get()[0], arguments.get()[1], reason);
    }
}
