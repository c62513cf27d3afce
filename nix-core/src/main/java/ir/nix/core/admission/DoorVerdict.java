package ir.nix.core.admission;

import jakarta.servlet.ServletRequest;

/**
 * What the {@link AdmissionDoor} decided for one HTTP exchange, handed by the channel to the pipeline so
 * that the pipeline admits only what no door admitted before it.
 */
public enum DoorVerdict {
    /** No door stands in front of this channel (messaging, internal inquiries): the pipeline admits. */
    NONE,
    /** The door holds a permit for the whole HTTP exchange and gives it back when the reply has left. */
    ADMITTED,
    /** As {@link #ADMITTED}, and the door also holds the provider's share (the REST path names the service). */
    ADMITTED_WITH_SHARE,
    /** The node mediated its limit when the request arrived: the exchange is answered {@code BUS_SATURATED}. */
    SATURATED,
    /** The inquiry's provider held its share of the node's permits when the request arrived: {@code BUS_SATURATED}. */
    PROVIDER_SATURATED;

    /** Whether the exchange is refused at the door, so its channel reads no body. */
    public boolean refused() {
        return this == SATURATED || this == PROVIDER_SATURATED;
    }

    static final String ATTRIBUTE = DoorVerdict.class.getName();
    static final String RELEASE_ATTRIBUTE = ATTRIBUTE + ".release";

    /**
     * Gives back the permits the door holds for {@code request} now, once its reply is rendered and recorded and
     * only its bytes remain to be written: a caller that sends its next request the moment it reads this reply
     * then finds them free (with exactly as many connections as a provider's share, the next request otherwise
     * raced the door's own release). The door releases nothing twice.
     */
    public static void releasePermits(ServletRequest request) {
        if (request.getAttribute(RELEASE_ATTRIBUTE) instanceof Runnable release) {
            release.run();
        }
    }

    /** The verdict the door left on {@code request}, {@link #NONE} when it never passed one. */
    public static DoorVerdict of(ServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof DoorVerdict verdict ? verdict : NONE;
    }
}
