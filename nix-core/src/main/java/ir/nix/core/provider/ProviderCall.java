package ir.nix.core.provider;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.service.ValidatedInput;
import ir.nix.core.tracking.TrackingId;
import java.time.Duration;

/**
 * What an adapter gets: the validated input plus the exchange's metadata, which providers commonly
 * want for their own audit (tracking ID, the consumer on whose behalf the bus asks).
 */
public record ProviderCall(TrackingId trackingId, AgencyCode consumer, ValidatedInput input, Duration timeout) {
}
