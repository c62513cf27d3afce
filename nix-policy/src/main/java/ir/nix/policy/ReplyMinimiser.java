package ir.nix.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Cuts a provider's reply down to the items a grant allows (003, 7th session, item 3: the data items
 * are agreed per exchange). An item not granted is <em>absent</em> from the result, not {@code null}:
 * a null would still tell the consumer the item exists.
 *
 * <p>Items name keys; nested items are written with dots. For a list of maps (the insurance list's
 * {@code persons}) or a map, {@code persons.firstName} keeps {@code firstName} in every element, and
 * the bare {@code persons} keeps whole elements. A value granted only in part that is not a map or a
 * list of maps (a scalar, a null, a list element that is a scalar) cannot be cut and is dropped.
 * Key order is preserved.
 */
public final class ReplyMinimiser {

    private ReplyMinimiser() {
    }

    public static Map<String, Object> minimise(Map<String, Object> data, Set<String> grantedItems) {
        return minimiseMap(data, grantedItems);
    }

    /** The reply as {@code permit} allows it. */
    public static Map<String, Object> minimise(Map<String, Object> data, Decision.Permit permit) {
        return minimiseMap(data, permit.dataItems());
    }

    private static Map<String, Object> minimiseMap(Map<?, ?> data, Set<String> granted) {
        Map<String, Object> kept = new LinkedHashMap<>();
        data.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (granted.contains(name)) {
                kept.put(name, value);
                return;
            }
            Set<String> inner = innerItems(name, granted);
            if (!inner.isEmpty()) {
                minimiseNested(value, inner).ifPresent(nested -> kept.put(name, nested));
            }
        });
        return kept;
    }

    /** A partly granted value: a map or a list of maps keeps the granted inner items. */
    private static Optional<Object> minimiseNested(Object value, Set<String> inner) {
        if (value instanceof Map<?, ?> map) {
            return Optional.of(minimiseMap(map, inner));
        }
        if (value instanceof List<?> list) {
            List<Object> elements = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element instanceof Map<?, ?> map) {
                    elements.add(minimiseMap(map, inner));
                }
            }
            return Optional.of(elements);
        }
        return Optional.empty();
    }

    /** {@code firstName} for {@code persons} when {@code persons.firstName} is granted. */
    private static Set<String> innerItems(String name, Set<String> granted) {
        String prefix = name + ".";
        Set<String> inner = null;
        for (String item : granted) {
            if (item.startsWith(prefix)) {
                if (inner == null) {
                    inner = new HashSet<>();
                }
                inner.add(item.substring(prefix.length()));
            }
        }
        return inner == null ? Set.of() : inner;
    }
}
