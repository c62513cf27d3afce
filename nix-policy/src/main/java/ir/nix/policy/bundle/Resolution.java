package ir.nix.policy.bundle;

import ir.nix.policy.calendar.JalaliDate;
import ir.nix.policy.lang.NonNull;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Working-Group resolution that grants rest on (003, 7th session, items 3-4: the Working Group's
 * resolution binds consumer and provider).
 *
 * @param id      the stable reference recorded with every exchange, by convention
 *                {@code WG-<session>/<Jalali date yyyy-MM-dd>}, e.g. {@code WG-26/1400-08-18}
 * @param body    the deciding body, e.g. the Government e-Interoperability Working Group
 * @param session the body's session number, when it has one
 * @param date    the session date (Jalali)
 * @param letter  the letter that communicated the resolution, when there was one
 * @param text    free text: what was resolved, in the operator's words
 * @param demo    true for the demo bundle's stand-in resolution, which no Working Group passed
 */
public record Resolution(String id, String body, OptionalInt session, JalaliDate date, Optional<Letter> letter,
                         String text, boolean demo) {
    public Resolution {
        NonNull.components("id body session date letter text", id, body, session, date, letter, text);
    }

    /** @param number e.g. {@code 127551/200} */
    public record Letter(String number, JalaliDate date) {
        public Letter {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(date, "date");
        }
    }
}
