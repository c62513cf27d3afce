package ir.nix.core.provider;

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

    /** The provider could not be reached, or the bus stopped calling it (circuit open). */
    record Unavailable(String detail) implements ProviderResult {
    }
}
