package ir.nix.core.service;

import ir.nix.core.identifier.JalaliDateInput;
import ir.nix.core.identifier.LegalEntityId;
import ir.nix.core.identifier.MobileNumber;
import ir.nix.core.identifier.NationalCode;
import ir.nix.core.identifier.Parsed;
import ir.nix.core.identifier.PostalCode;
import java.util.function.Function;

/**
 * The kinds of value a service input may hold. Each parses raw text into a typed, valid value or an
 * {@link Parsed.Invalid} whose reason never repeats the input.
 */
public enum FieldType {
    NATIONAL_CODE(NationalCode::parse),
    LEGAL_ENTITY_ID(LegalEntityId::parse),
    POSTAL_CODE(PostalCode::parse),
    MOBILE(MobileNumber::parse),
    JALALI_DATE(JalaliDateInput::parse),
    /** A Solar Hijri year, as agencies write payment periods. */
    JALALI_YEAR(raw -> BoundedNumber.parse(raw, 1300, 1500)),
    MONTH(raw -> BoundedNumber.parse(raw, 1, 12)),
    /** A numeric reference code of an agency's own (workshop code, branch code). */
    NUMERIC_CODE(raw -> BoundedNumber.digits(raw, 1, 20));

    private final Function<String, Parsed<?>> parser;

    FieldType(Function<String, Parsed<?>> parser) {
        this.parser = parser;
    }

    public Parsed<?> parse(String raw) {
        return parser.apply(raw);
    }
}
