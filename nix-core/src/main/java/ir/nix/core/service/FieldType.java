package ir.nix.core.service;

import com.fasterxml.jackson.annotation.JsonCreator;
import ir.nix.core.identifier.JalaliDateInput;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.identifier.MobileNumber;
import ir.nix.core.identifier.NationalCode;
import ir.nix.core.identifier.Parsed;
import ir.nix.core.identifier.PostalCode;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of value a service input may hold. Each parses raw text into a typed, valid value or an
 * {@link Parsed.Invalid} whose reason never repeats the input, and says how the contracts (OpenAPI,
 * XSD) type it: the JSON/XML type, and the pattern of the canonical form. The bus accepts more than
 * the pattern (Persian digits, a dash in a postal code); the pattern tells clients what to send.
 */
public enum FieldType {
    NATIONAL_CODE(NationalCode::parse, SchemaType.STRING, "^[0-9]{10}$"),
    LEGAL_ENTITY_ID(LegalEntityId::parse, SchemaType.STRING, "^[0-9]{11}$"),
    POSTAL_CODE(PostalCode::parse, SchemaType.STRING, "^[0-9]{5}-?[0-9]{5}$"),
    MOBILE(MobileNumber::parse, SchemaType.STRING, "^(\\+98|0)9[0-9]{9}$"),
    JALALI_DATE(JalaliDateInput::parse, SchemaType.STRING, "^[0-9]{4}/[0-9]{2}/[0-9]{2}$"),
    /** A Solar Hijri year, as agencies write payment periods. */
    JALALI_YEAR(1300, 1500),
    MONTH(1, 12),
    /** A numeric reference code of an agency's own (workshop code, branch code). */
    NUMERIC_CODE(raw -> BoundedNumber.digits(raw, 1, 20), SchemaType.STRING, "^[0-9]{1,20}$"),
    /** Free text; the descriptor's {@code pattern} is its only rule. */
    TEXT(raw -> new Parsed.Valid<>(raw.strip()), SchemaType.STRING, null),
    /** A whole number; the descriptor may bound it with {@code minimum} and {@code maximum}. */
    INTEGER(raw -> BoundedNumber.parse(raw, Integer.MIN_VALUE, Integer.MAX_VALUE), SchemaType.INTEGER, null),
    BOOLEAN(FieldType::parseBoolean, SchemaType.BOOLEAN, null),
    /** One of the descriptor's {@code values}. */
    ENUM(raw -> new Parsed.Valid<>(raw.strip()), SchemaType.STRING, null);

    /** How a value is written in JSON and XML. */
    public enum SchemaType { STRING, INTEGER, NUMBER, BOOLEAN }

    private final Function<String, Parsed<?>> parser;
    private final SchemaType schemaType;
    private final String pattern;
    private final Integer minimum;
    private final Integer maximum;

    FieldType(Function<String, Parsed<?>> parser, SchemaType schemaType, String pattern) {
        this.parser = parser;
        this.schemaType = schemaType;
        this.pattern = pattern;
        this.minimum = null;
        this.maximum = null;
    }

    /** A whole number between {@code minimum} and {@code maximum}, both published in the contracts. */
    FieldType(int minimum, int maximum) {
        this.parser = raw -> BoundedNumber.parse(raw, minimum, maximum);
        this.schemaType = SchemaType.INTEGER;
        this.pattern = null;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    public Parsed<?> parse(String raw) {
        return parser.apply(raw);
    }

    public SchemaType schemaType() {
        return schemaType;
    }

    /** The canonical form's pattern, or null where the type has none of its own. */
    public String pattern() {
        return pattern;
    }

    /** The least value of a bounded number type, for the contracts; empty where the type has no bounds. */
    public Optional<Integer> minimum() {
        return Optional.ofNullable(minimum);
    }

    /** The greatest value of a bounded number type, for the contracts; empty where the type has no bounds. */
    public Optional<Integer> maximum() {
        return Optional.ofNullable(maximum);
    }

    /** The name descriptor files use: {@code national-code}. */
    public String fileName() {
        return DescriptorNames.of(this);
    }

    /** The type a descriptor file names, e.g. {@code national-code}. */
    @JsonCreator
    public static FieldType ofFileName(String name) {
        return DescriptorNames.parse(FieldType.class, name, "input type");
    }

    private static Parsed<?> parseBoolean(String raw) {
        String text = raw.strip();
        return switch (text) {
            case "true" -> new Parsed.Valid<>(Boolean.TRUE);
            case "false" -> new Parsed.Valid<>(Boolean.FALSE);
            default -> new Parsed.Invalid<>("must be true or false");
        };
    }
}
