package ir.nix.core.publication.keys;

import ir.nix.core.agency.AgencyCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of issued key versions ({@code nix.publication.key-registry}): one line per issued version,
 * {@code <agency> <version> <issued-at ISO instant>}, {@code #} comments. It holds no secret (keys are
 * derived from the master key), so it may live in configuration management beside the policy bundle.
 * Written whole to a temporary file and moved into place, so that a reader never sees half a file.
 */
final class KeyRegistry {

    private static final String HEADER = """
            # NIX publication key registry: issued key versions per subscriber, never key material.
            # <agency> <version> <issued at, ISO-8601 UTC>; written by `nix-bus keys` and the operator API.
            """;

    private final Path file;
    /** The last read, reused while the file's modification time and size are unchanged (deliveries read it often). */
    private volatile Snapshot last = new Snapshot(null, -1, List.of());

    private record Snapshot(FileTime modified, long size, List<KeyVersion> versions) {
    }

    KeyRegistry(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** Every issued version, in file order; empty when the file does not exist yet. */
    List<KeyVersion> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long size = Files.size(file);
            Snapshot seen = last;
            if (modified.equals(seen.modified()) && size == seen.size()) {
                return seen.versions();
            }
            List<KeyVersion> versions = parse();
            last = new Snapshot(modified, size, versions);
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("publication key registry " + file + " cannot be read", e);
        }
    }

    private List<KeyVersion> parse() throws IOException {
        List<KeyVersion> versions = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                versions.add(parse(text, number));
            }
        }
        return List.copyOf(versions);
    }

    void write(List<KeyVersion> versions) {
        StringBuilder content = new StringBuilder(HEADER);
        versions.forEach(v -> content.append(v.agency().value()).append(' ').append(v.version()).append(' ')
                .append(v.issuedAt()).append('\n'));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("publication key registry " + file + " cannot be written", e);
        }
    }

    private KeyVersion parse(String line, int number) {
        String[] parts = line.split("\\s+");
        try {
            if (parts.length != 3) {
                throw new IllegalArgumentException("expected '<agency> <version> <issued-at>'");
            }
            return new KeyVersion(new AgencyCode(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2]));
        } catch (IllegalArgumentException | DateTimeParseException broken) {
            throw new IllegalStateException("publication key registry " + file + ", line " + number + ": "
                    + broken.getMessage());
        }
    }
}
