package ir.nix.policy.bundle;

import ir.nix.policy.calendar.JalaliDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Reads {@code resolutions:} entries: id, body, session, Jalali date, letter, text. */
final class ResolutionSection {

    private static final Set<String> KEYS = Set.of("id", "body", "session", "date", "letter", "text");
    private static final Set<String> LETTER_KEYS = Set.of("number", "date");

    private ResolutionSection() {
    }

    /** Adds the entries to {@code resolutions}; {@code demo} marks the demo file's stand-in resolutions. */
    static void read(List<YamlNode> entries, boolean demo, Map<String, Resolution> resolutions, Problems problems) {
        for (YamlNode entry : entries) {
            Fields.of(entry, "a resolution", KEYS, problems).ifPresent(fields -> {
                int before = problems.count();
                Resolution resolution = resolution(fields, demo, problems);
                if (problems.count() == before && resolutions.putIfAbsent(resolution.id(), resolution) != null) {
                    problems.at(fields.mark(), "resolution '" + resolution.id() + "' is defined twice");
                }
            });
        }
    }

    private static Resolution resolution(Fields fields, boolean demo, Problems problems) {
        String id = fields.text("id").text();
        if (id.chars().anyMatch(Character::isWhitespace)) {
            problems.at(fields.mark(), "resolution id '" + id + "' must not contain spaces");
        }
        String body = fields.text("body").text();
        OptionalInt session = fields.positiveNumber("session", 100_000).stream().mapToInt(n -> (int) n).findFirst();
        JalaliDate date = jalaliDate(fields.text("date"), problems);
        return new Resolution(id, body, session, date, letter(fields, problems),
                fields.optionalText("text").map(Fields.Located::text).orElse(""), demo);
    }

    private static Optional<Resolution.Letter> letter(Fields fields, Problems problems) {
        return fields.node("letter")
                .flatMap(node -> Fields.of(node, "a resolution letter", LETTER_KEYS, problems))
                .map(letter -> new Resolution.Letter(letter.text("number").text(),
                        jalaliDate(letter.text("date"), problems)));
    }

    /** A Jalali date, or a placeholder after reporting why the text is not one. */
    static JalaliDate jalaliDate(Fields.Located value, Problems problems) {
        if (value.text().isEmpty()) {
            return PLACEHOLDER;
        }
        try {
            return JalaliDate.parse(value.text());
        } catch (IllegalArgumentException e) {
            problems.at(value.mark(), "malformed Jalali date: " + e.getMessage());
            return PLACEHOLDER;
        }
    }

    private static final JalaliDate PLACEHOLDER = new JalaliDate(1400, 1, 1);
}
