package ir.nix.policy.bundle;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The keys of one YAML mapping, read as typed values. Every mistake is reported with its location and
 * the read carries on with a neutral value, so one load finds all problems; callers compare
 * {@link Problems#count()} before and after to tell whether the record they built is sound.
 *
 * <p>Unknown keys are rejected: a misspelt {@code validUntill} must not silently make a grant eternal.
 */
final class Fields {

    /** A scalar value together with where it was written. */
    record Located(String text, YamlNode.Mark mark) {
    }

    private final YamlNode.Mapping mapping;
    private final Problems problems;

    private Fields(YamlNode.Mapping mapping, Problems problems) {
        this.mapping = mapping;
        this.problems = problems;
    }

    /** The node as a mapping of {@code allowedKeys}; empty (and reported) when it is not a mapping. */
    static Optional<Fields> of(YamlNode node, String what, Set<String> allowedKeys, Problems problems) {
        if (!(node instanceof YamlNode.Mapping mapping)) {
            problems.at(node.mark(), what + " must be a mapping, found " + node.kind());
            return Optional.empty();
        }
        mapping.entries().values().stream()
                .filter(entry -> !allowedKeys.contains(entry.key()))
                .forEach(entry -> problems.at(entry.keyMark(), "unknown key '" + entry.key() + "' in " + what
                        + "; expected one of " + allowedKeys.stream().sorted().toList()));
        return Optional.of(new Fields(mapping, problems));
    }

    YamlNode.Mark mark() {
        return mapping.mark();
    }

    Optional<YamlNode> node(String key) {
        return Optional.ofNullable(mapping.entries().get(key)).map(YamlNode.Entry::value);
    }

    /** A required, non-blank scalar. */
    Located text(String key) {
        Optional<Located> value = optionalText(key);
        if (value.isEmpty() && !isPresentButMalformed(key)) {
            problems.at(mapping.mark(), "missing '" + key + "'");
        }
        return value.orElse(new Located("", mapping.mark()));
    }

    /** An optional scalar; absent, null and blank all read as empty. */
    Optional<Located> optionalText(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof YamlNode.Scalar scalar)) {
            problems.at(node.get().mark(), "'" + key + "' must be a single value, found " + node.get().kind());
            return Optional.empty();
        }
        return scalar.isBlank() ? Optional.empty() : Optional.of(new Located(scalar.text().strip(), scalar.mark()));
    }

    /** An optional list of scalars; absent or null reads as empty. */
    List<Located> textList(String key) {
        List<Located> values = new ArrayList<>();
        for (YamlNode item : items(key)) {
            if (item instanceof YamlNode.Scalar scalar && !scalar.isBlank()) {
                values.add(new Located(scalar.text().strip(), scalar.mark()));
            } else {
                problems.at(item.mark(), "each entry of '" + key + "' must be a non-empty value, found "
                        + (item instanceof YamlNode.Scalar ? "an empty value" : item.kind()));
            }
        }
        return values;
    }

    /** An optional list of any nodes; absent or null reads as empty. */
    List<YamlNode> items(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty() || isNull(node.get())) {
            return List.of();
        }
        if (!(node.get() instanceof YamlNode.Sequence sequence)) {
            problems.at(node.get().mark(), "'" + key + "' must be a list, found " + node.get().kind());
            return List.of();
        }
        return sequence.items();
    }

    boolean flag(String key, boolean defaultValue) {
        return optionalText(key).map(value -> switch (value.text()) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.at(value.mark(), "'" + key + "' must be true or false, found '" + value.text() + "'");
                yield defaultValue;
            }
        }).orElse(defaultValue);
    }

    /** An optional whole number in {@code [1, max]}. */
    OptionalLong positiveNumber(String key, long max) {
        Optional<Located> value = optionalText(key);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long number = Long.parseLong(value.get().text().replace("_", ""));
            if (number >= 1 && number <= max) {
                return OptionalLong.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.at(value.get().mark(), "'" + key + "' must be a whole number from 1 to " + max
                + ", found '" + value.get().text() + "'");
        return OptionalLong.empty();
    }

    /** A required reference to one of {@code known} (agencies, resolutions), reported as an unknown {@code what}. */
    String reference(String key, Set<String> known, String what) {
        Located value = text(key);
        if (!value.text().isEmpty() && !known.contains(value.text())) {
            problems.at(value.mark(), "unknown " + what + " '" + value.text() + "'");
        }
        return value.text();
    }

    /** An optional ISO date {@code yyyy-MM-dd}. */
    Optional<LocalDate> isoDate(String key) {
        return optionalText(key).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value.text()));
            } catch (DateTimeParseException e) {
                problems.at(value.mark(), "malformed date '" + value.text() + "' in '" + key
                        + "': expected an ISO date yyyy-MM-dd");
                return Optional.empty();
            }
        });
    }

    /** Optional {@code validFrom} and {@code validUntil}, the latter not before the former. */
    Period validity() {
        Optional<LocalDate> validFrom = isoDate("validFrom");
        Optional<LocalDate> validUntil = isoDate("validUntil");
        if (validFrom.isPresent() && validUntil.isPresent() && validFrom.get().isAfter(validUntil.get())) {
            problems.at(optionalText("validUntil").orElseThrow().mark(),
                    "'validUntil' " + validUntil.get() + " is before 'validFrom' " + validFrom.get());
        }
        return new Period(validFrom, validUntil);
    }

    /** Calendar days (Asia/Tehran, inclusive) a grant or subscription is limited to. */
    record Period(Optional<LocalDate> from, Optional<LocalDate> until) {
    }

    private boolean isPresentButMalformed(String key) {
        return node(key).filter(node -> !isNull(node) && !(node instanceof YamlNode.Scalar)).isPresent();
    }

    private static boolean isNull(YamlNode node) {
        return node instanceof YamlNode.Scalar scalar && scalar.isBlank();
    }
}
