package ir.nix.policy.lang;

/**
 * The null checks of a record's compact constructor in one statement, for records of many components:
 * {@code NonNull.components("id service at", id, service, at)} throws a {@link NullPointerException} whose
 * message names the first component that is null, as {@link java.util.Objects#requireNonNull(Object, String)}
 * would. The names are the record's component names, separated by single spaces, in the order of the values.
 *
 * <p>It lives in {@code nix-policy} because that module is the one every other depends on; it names no
 * policy concept and no content (a message is a component name, never a value).
 */
public final class NonNull {

    private NonNull() {
    }

    /**
     * @param names  the components' names, one space between each, in the order of {@code values}
     * @param values the components' values
     * @throws NullPointerException     naming the first component whose value is null
     * @throws IllegalArgumentException if there are not as many names as values (a mistake in the caller)
     */
    public static void components(String names, Object... values) {
        int count = 1;
        for (int i = 0; i < names.length(); i++) {
            if (names.charAt(i) == ' ') {
                count++;
            }
        }
        if (count != values.length) {
            throw new IllegalArgumentException(count + " names for " + values.length + " values: " + names);
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(names.split(" ")[i]);
            }
        }
    }
}
