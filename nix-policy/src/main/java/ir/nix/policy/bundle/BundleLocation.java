package ir.nix.policy.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a bundle's files are read from: a directory an operator keeps under version control, or a
 * classpath location (the bundle shipped with the bus). A bundle's file names are fixed, so a
 * classpath location needs no directory listing and works inside a jar.
 */
public sealed interface BundleLocation permits BundleLocation.Directory, BundleLocation.Classpath {

    String CLASSPATH_PREFIX = "classpath:";
    String FILE_PREFIX = "file:";

    /** The bundle shipped with nix-policy: the 26th-session grants, plus the demo grants when included. */
    Classpath DEFAULT = new Classpath("ir/nix/policy/bundle/default");

    /**
     * {@code classpath:ir/nix/policy/bundle/default}, {@code file:/etc/nix/policy} or a plain path.
     */
    static BundleLocation parse(String location) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(CLASSPATH_PREFIX)) {
            return new Classpath(location.substring(CLASSPATH_PREFIX.length()));
        }
        if (location.startsWith(FILE_PREFIX)) {
            return new Directory(Path.of(URI.create(location)));
        }
        return new Directory(Path.of(location));
    }

    /** The file's bytes, or empty when the bundle has no such file. */
    Optional<byte[]> read(String fileName) throws IOException;

    /** A directory that can be watched for changes; empty for a classpath bundle. */
    Optional<Path> directory();

    record Directory(Path path) implements BundleLocation {
        public Directory {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public Optional<byte[]> read(String fileName) throws IOException {
            try {
                return Optional.of(Files.readAllBytes(path.resolve(fileName)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<Path> directory() {
            return Optional.of(path);
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    record Classpath(String resourcePath) implements BundleLocation {
        public Classpath {
            Objects.requireNonNull(resourcePath, "resourcePath");
            resourcePath = resourcePath.replaceAll("^/+|/+$", "");
        }

        @Override
        public Optional<byte[]> read(String fileName) throws IOException {
            ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                    .orElse(BundleLocation.class.getClassLoader());
            try (InputStream in = loader.getResourceAsStream(resourcePath + "/" + fileName)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        }

        @Override
        public Optional<Path> directory() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return CLASSPATH_PREFIX + resourcePath;
        }
    }
}
