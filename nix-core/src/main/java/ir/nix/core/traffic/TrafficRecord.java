package ir.nix.core.traffic;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.policy.lang.NonNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * All the bus keeps of an exchange (003 Art. 31.4: nothing but traffic data is stored).
 * Every field is metadata: codes, times, sizes. Nullable fields are null when the exchange ended
 * before the step that fills them. {@link TrafficColumn} is the one documented field order: the store's
 * columns and the chain's canonical form follow it.
 *
 * @param trackingId        unique tracking ID (UUIDv7)
 * @param parentTrackingId  the exchange this one was issued for (condition checks), or null
 * @param callerRequestId   the caller's own reference (a checked token), or null
 * @param channel           how the inquiry arrived
 * @param consumer          consumer agency code, or null when not identified
 * @param provider          provider agency code, or null when the service was unknown
 * @param service           service code, or null when unknown
 * @param serviceVersion    the service contract version
 * @param grantId           the grant the decision rests on
 * @param resolutionRef     the Working-Group resolution of that grant
 * @param policyVersion     version label of the policy bundle in force
 * @param policyHash        SHA-256 of that bundle
 * @param decision          whether the policy engine was asked and what it said
 * @param outcome           the outcome code (stable, documented)
 * @param status            the HTTP status (REST) or the equivalent status of the fault (SOAP)
 * @param receivedAt        arrival at the bus
 * @param forwardedAt       hand-over to the provider, or null
 * @param answeredAt        the provider's answer, or null
 * @param totalMicros       time in the bus from arrival to rendered reply
 * @param providerMicros    time waiting for the provider, or null
 * @param requestBytes      request body size
 * @param replyBytes        reply body size
 * @param busNode           the bus node that handled it
 * @param clientCertificate SHA-256 fingerprint of the client certificate, or null
 * @param subjectToken      keyed, rotating HMAC of the data subject (never the identifier), or null
 * @param reason            why the exchange was refused, as a stable code more precise than the outcome
 *                          (e.g. {@code EXPIRED} for a {@code CONSUMER_NOT_IDENTIFIED}), or null; never a value
 *                          taken from the request
 * @param itemCount         how many items the exchange carried (a publication delivery), or null
 */
public record TrafficRecord(TrackingId trackingId, TrackingId parentTrackingId, String callerRequestId, Channel channel,
                            AgencyCode consumer, AgencyCode provider, ServiceCode service, String serviceVersion,
                            String grantId, String resolutionRef, String policyVersion, String policyHash,
                            PolicyVerdict decision, OutcomeCode outcome, int status, Instant receivedAt,
                            Instant forwardedAt, Instant answeredAt, long totalMicros, Long providerMicros,
                            int requestBytes, int replyBytes, String busNode, String clientCertificate,
                            String subjectToken, String reason, Integer itemCount) {

    public TrafficRecord {
        NonNull.components("trackingId channel decision outcome receivedAt busNode",
                trackingId, channel, decision, outcome, receivedAt, busNode);
        receivedAt = micros(receivedAt);
        forwardedAt = micros(forwardedAt);
        answeredAt = micros(answeredAt);
    }

    /** A record without a refusal reason or item count (most exchanges). */
    public TrafficRecord(TrackingId trackingId, TrackingId parentTrackingId, String callerRequestId, Channel channel,
                         AgencyCode consumer, AgencyCode provider, ServiceCode service, String serviceVersion,
                         String grantId, String resolutionRef, String policyVersion, String policyHash,
                         PolicyVerdict decision, OutcomeCode outcome, int status, Instant receivedAt,
                         Instant forwardedAt, Instant answeredAt, long totalMicros, Long providerMicros,
                         int requestBytes, int replyBytes, String busNode, String clientCertificate,
                         String subjectToken) {
        this(trackingId, parentTrackingId, callerRequestId, channel, consumer, provider, service, serviceVersion,
                grantId, resolutionRef, policyVersion, policyHash, decision, outcome, status, receivedAt, forwardedAt,
                answeredAt, totalMicros, providerMicros, requestBytes, replyBytes, busNode, clientCertificate,
                subjectToken, null, null);
    }

    /** This record with its refusal reason. */
    public TrafficRecord withReason(String refusalReason) {
        return new TrafficRecord(trackingId, parentTrackingId, callerRequestId, channel, consumer, provider, service,
                serviceVersion, grantId, resolutionRef, policyVersion, policyHash, decision, outcome, status, receivedAt,
                forwardedAt, answeredAt, totalMicros, providerMicros, requestBytes, replyBytes, busNode,
                clientCertificate, subjectToken, refusalReason, itemCount);
    }

    /** This record with the number of items it carried. */
    public TrafficRecord withItemCount(Integer items) {
        return new TrafficRecord(trackingId, parentTrackingId, callerRequestId, channel, consumer, provider, service,
                serviceVersion, grantId, resolutionRef, policyVersion, policyHash, decision, outcome, status, receivedAt,
                forwardedAt, answeredAt, totalMicros, providerMicros, requestBytes, replyBytes, busNode,
                clientCertificate, subjectToken, reason, items);
    }

    /** The stores keep microseconds: truncating here makes what is chained exactly what is stored and read back. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
