package ir.nix.core.identification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file read into a value and read again when it changes (modification time or size), checked at
 * most once per {@code interval} so that the request path does not stat the file on every call. A
 * changed file that does not read keeps the previous value in force and says so once in the log:
 * a half-written CRL or registry must not lock every agency out.
 */
final class WatchedFile<T> {

    private static final Logger LOG = LoggerFactory.getLogger(WatchedFile.class);

    private final Path file;
    private final Function<Path, T> reader;
    private final long intervalNanos;
    private volatile T value;
    private volatile long checkedAt;
    private volatile Stamp stamp;

    private record Stamp(FileTime modified, long size) {
    }

    /** Reads the file now; a failure here propagates (the bus does not start on an unreadable file). */
    WatchedFile(Path file, Function<Path, T> reader, Duration interval) {
        this.file = file;
        this.reader = reader;
        this.intervalNanos = interval.toNanos();
        this.stamp = stamp();
        this.value = reader.apply(file);
        this.checkedAt = System.nanoTime();
    }

    T current() {
        long now = System.nanoTime();
        if (now - checkedAt >= intervalNanos) {
            refresh(now);
        }
        return value;
    }

    private synchronized void refresh(long now) {
        if (now - checkedAt < intervalNanos) {
            return;
        }
        checkedAt = now;
        Stamp seen = stamp();
        if (Objects.equals(seen, stamp)) {
            return;
        }
        stamp = seen;
        try {
            value = reader.apply(file);
            LOG.info("re-read {}", file);
        } catch (RuntimeException unusable) {
            LOG.error("{} changed but cannot be used, keeping the previous version: {}", file, unusable.getMessage());
        }
    }

    private Stamp stamp() {
        try {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException gone) {
            return null;
        }
    }
}
