package ir.nix.core.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How descriptor files spell enum constants: {@code NATIONAL_CODE} is {@code national-code}. */
final class DescriptorNames {

    private DescriptorNames() {
    }

    static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant a file names; the error lists the allowed names. */
    static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> of(constant).equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "'; one of "
                        + Arrays.stream(type.getEnumConstants()).map(DescriptorNames::of).collect(Collectors.joining(", "))));
    }
}
