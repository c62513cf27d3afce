package ir.nix.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The policy bundle the bus ships with, copied into a directory a test bus reads as its filesystem bundle. */
final class ShippedBundle {

    static final List<String> FILES = List.of("bundle.yaml", "agencies.yaml", "resolutions.yaml", "services.yaml",
            "grants.yaml", "demo-grants.yaml");

    private ShippedBundle() {
    }

    /** Copies every file of the shipped bundle into {@code directory} (created if missing). */
    static void copyTo(Path directory) {
        try {
            Files.createDirectories(directory);
            for (String name : FILES) {
                try (InputStream in = ShippedBundle.class.getClassLoader()
                        .getResourceAsStream("ir/nix/policy/bundle/default/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("shipped bundle file missing from the classpath: " + name);
                    }
                    Files.write(directory.resolve(name), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
