package ir.nix.core.provider;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** How a provider call ended. Details name the failure, never the payload. */
public sealed interface ProviderResult {

    /** The provider answered; {@code data} holds the service's data items (before minimisation). */
    record Answered(Map<String, Object> data) implements ProviderResult {
        public Answered {
            Objects.requireNonNull(data, "data");
        }
    }

    /** The provider holds no record for the request. */
    record NotFound(String detail) implements ProviderResult {
    }

    /** The provider refused the request as invalid although it passed the bus's validation. */
    record Rejected(String detail) implements ProviderResult {
    }

    /** The provider answered with an error or something the adapter cannot read. */
    record Failed(String detail) implements ProviderResult {
    }

    /** The provider did not answer within the service's timeout. */
    record TimedOut(String detail) implements ProviderResult {
    }

    /** The provider could not be reached (connection refused or not established in time). */
    record Unavailable(String detail) implements ProviderResult {
    }

    /**
     * The bus did not call the provider, to protect it and the other services: its circuit is open or its
     * bulkhead is full. {@code retryAfter} is when a call may be let through again.
     */
    record NotCalled(Reason reason, String detail, Duration retryAfter) implements ProviderResult {
        public NotCalled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public enum Reason { CIRCUIT_OPEN, BULKHEAD_FULL }
    }
}
