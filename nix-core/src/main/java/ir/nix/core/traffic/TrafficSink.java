package ir.nix.core.traffic;

/**
 * SPI: receives the traffic record of every exchange, after the reply is rendered and before it
 * leaves. Implementations must not block on I/O that can stall (the store, a remote service): the
 * record path hands over and returns.
 */
public interface TrafficSink {

    void accept(TrafficRecord record);

    /**
     * Whether this sink makes the record durable. A durable sink throws when it cannot, and the exchange is
     * then refused ({@code TRAFFIC_PATH_UNAVAILABLE}) rather than answered without its record.
     */
    default boolean durable() {
        return false;
    }
}
