package ir.nix.core.tracking;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.github.f4b6a3.uuid.UuidCreator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The unique tracking ID every exchange gets (003 Art. 13), returned to the caller and recorded.
 *
 * <p>A UUIDv7: time-ordered, so records sort by arrival and index well, and unique across bus
 * nodes without coordination.
 */
public record TrackingId(@JsonValue UUID value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TrackingId {
        Objects.requireNonNull(value, "value");
        if (value.version() != 7) {
            throw new IllegalArgumentException("tracking ID must be a version 7 UUID");
        }
    }

    public static TrackingId next() {
        return new TrackingId(UuidCreator.getTimeOrderedEpoch());
    }

    /** Parses a tracking ID as printed by {@link #toString()}; empty for anything else. */
    public static Optional<TrackingId> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(text);
            return uuid.version() == 7 ? Optional.of(new TrackingId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
