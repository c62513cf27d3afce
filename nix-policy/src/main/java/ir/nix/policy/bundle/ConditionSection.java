package ir.nix.policy.bundle;

import ir.nix.policy.GrantCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads a grant's {@code conditions:}. Each condition type has its own keys; a new
 * {@link GrantCondition} record gets one entry in {@link #READERS}.
 */
final class ConditionSection {

    private static final Map<String, BiFunction<Fields, Problems, GrantCondition>> READERS = Map.of(
            GrantCondition.EnterpriseSubjectToTransfer.TYPE,
            (fields, problems) -> new GrantCondition.EnterpriseSubjectToTransfer(fields.text("inputField").text()));

    private static final Map<String, Set<String>> KEYS = Map.of(
            GrantCondition.EnterpriseSubjectToTransfer.TYPE, Set.of("type", "inputField"));

    private ConditionSection() {
    }

    static List<GrantCondition> read(List<YamlNode> entries, Problems problems) {
        List<GrantCondition> conditions = new ArrayList<>();
        for (YamlNode entry : entries) {
            condition(entry, problems).ifPresent(conditions::add);
        }
        return conditions;
    }

    private static Optional<GrantCondition> condition(YamlNode entry, Problems problems) {
        Optional<String> type = typeOf(entry);
        if (type.isEmpty() || !READERS.containsKey(type.get())) {
            problems.at(entry.mark(), "unknown condition type " + type.map(t -> "'" + t + "'").orElse("(none given)")
                    + "; expected one of " + READERS.keySet().stream().sorted().toList());
            return Optional.empty();
        }
        return Fields.of(entry, "a condition", KEYS.get(type.get()), problems)
                .map(fields -> READERS.get(type.get()).apply(fields, problems));
    }

    private static Optional<String> typeOf(YamlNode entry) {
        if (entry instanceof YamlNode.Mapping mapping && mapping.entries().get("type") != null
                && mapping.entries().get("type").value() instanceof YamlNode.Scalar scalar && !scalar.isBlank()) {
            return Optional.of(scalar.text().strip());
        }
        return Optional.empty();
    }
}
