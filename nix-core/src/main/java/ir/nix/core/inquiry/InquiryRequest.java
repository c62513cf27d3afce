package ir.nix.core.inquiry;

import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.identification.Refusal;

import ir.nix.core.admission.DoorVerdict;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.policy.lang.NonNull;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An inquiry as a channel (REST, SOAP, messaging) hands it to the pipeline.
 *
 * @param trackingId        assigned on arrival, before anything can fail
 * @param channel           the ingress channel
 * @param service           the service code as the caller named it (not yet known to exist)
 * @param consumer          the identified consumer agency, empty if identification failed
 * @param callerRequestId   the caller's own reference, already checked to be a harmless token
 * @param onBehalfOf        a party the caller says it acts for (003 Art. 34)
 * @param fields            raw input fields; content, never stored
 * @param requestBytes      size of the request body on the wire
 * @param clientCertificate SHA-256 fingerprint of the client certificate, when TLS carried one
 * @param receivedAt        wall-clock arrival
 * @param receivedNanos     monotonic arrival, for latency
 * @param rejection         a failure the channel found before the pipeline (unreadable body, size,
 *                          media type): the pipeline records and answers it like any other outcome
 * @param parent            the exchange this one was issued for (condition checks)
 * @param encoder           renders the reply the way this channel sends it, so its size is recorded
 * @param door              what the channel's admission door decided; {@code NONE} lets the pipeline admit
 */
public record InquiryRequest(TrackingId trackingId, Channel channel, String service, Optional<AgencyCode> consumer,
                             Optional<String> callerRequestId, Optional<String> onBehalfOf, Map<String, String> fields,
                             int requestBytes, Optional<String> clientCertificate, Instant receivedAt,
                             long receivedNanos, Optional<Rejection> rejection, Optional<TrackingId> parent,
                             ReplyEncoder encoder, DoorVerdict door) {

    public InquiryRequest {
        NonNull.components("trackingId channel service consumer callerRequestId onBehalfOf clientCertificate"
                        + " receivedAt rejection parent encoder door",
                trackingId, channel, service, consumer, callerRequestId, onBehalfOf, clientCertificate, receivedAt,
                rejection, parent, encoder, door);
        fields = Map.copyOf(fields);
    }

    /**
     * A failure found by the channel before the pipeline; {@code detail} names the rule, not the content.
     *
     * @param reason a stable code more precise than the outcome (an identification {@code Refusal}), for the
     *               traffic record's {@code reason}; null when the outcome says it all
     */
    public record Rejection(OutcomeCode outcome, String detail, String reason) {
        public Rejection(OutcomeCode outcome, String detail) {
            this(outcome, detail, null);
        }
    }

    /** Opaque on purpose: the fields are personal data. */
    @Override
    public String toString() {
        return "InquiryRequest[" + trackingId + " " + channel + " " + service + "]";
    }

    public static Builder builder(Channel channel, String service, ReplyEncoder encoder) {
        return new Builder(channel, service, encoder);
    }

    /** Channels fill in what they know; everything else has a safe default. */
    public static final class Builder {
        private TrackingId trackingId = TrackingId.next();
        private final Channel channel;
        private final String service;
        private final ReplyEncoder encoder;
        private Optional<AgencyCode> consumer = Optional.empty();
        private Optional<String> callerRequestId = Optional.empty();
        private Optional<String> onBehalfOf = Optional.empty();
        private Map<String, String> fields = Map.of();
        private int requestBytes;
        private Optional<String> clientCertificate = Optional.empty();
        private Instant receivedAt = Instant.now();
        private long receivedNanos = System.nanoTime();
        private Optional<Rejection> rejection = Optional.empty();
        private Optional<TrackingId> parent = Optional.empty();
        private DoorVerdict door = DoorVerdict.NONE;

        private Builder(Channel channel, String service, ReplyEncoder encoder) {
            this.channel = channel;
            this.service = service;
            this.encoder = encoder;
        }

        public Builder trackingId(TrackingId value) {
            this.trackingId = value;
            return this;
        }

        public Builder consumer(Optional<AgencyCode> value) {
            this.consumer = value;
            return this;
        }

        public Builder callerRequestId(Optional<String> value) {
            this.callerRequestId = value;
            return this;
        }

        public Builder onBehalfOf(Optional<String> value) {
            this.onBehalfOf = value;
            return this;
        }

        public Builder fields(Map<String, String> value) {
            this.fields = value;
            return this;
        }

        public Builder requestBytes(int value) {
            this.requestBytes = value;
            return this;
        }

        public Builder clientCertificate(Optional<String> value) {
            this.clientCertificate = value;
            return this;
        }

        public Builder received(Instant at, long nanos) {
            this.receivedAt = at;
            this.receivedNanos = nanos;
            return this;
        }

        public Builder rejection(Optional<Rejection> value) {
            this.rejection = value;
            return this;
        }

        public Builder rejectedWith(OutcomeCode outcome, String detail) {
            return rejection(Optional.of(new Rejection(outcome, detail)));
        }

        /**
         * A caller whose credential identified no agency is refused {@code 401 CONSUMER_NOT_IDENTIFIED}, with
         * the identifier's reason; called after the channel's own checks, so that this answer comes first.
         */
        public Builder refuseUnidentified(ConsumerIdentifier.Identification caller) {
            if (caller.consumer().isEmpty() && caller.refusal().isPresent()) {
                rejection(Optional.of(new Rejection(OutcomeCode.CONSUMER_NOT_IDENTIFIED, caller.refusal().get(),
                        caller.reason().map(Refusal::name).orElse(null))));
            }
            return this;
        }

        public Builder parent(Optional<TrackingId> value) {
            this.parent = value;
            return this;
        }

        public Builder door(DoorVerdict value) {
            this.door = value;
            return this;
        }

        public TrackingId trackingId() {
            return trackingId;
        }

        public InquiryRequest build() {
            return new InquiryRequest(trackingId, channel, service, consumer, callerRequestId, onBehalfOf, fields,
                    requestBytes, clientCertificate, receivedAt, receivedNanos, rejection, parent, encoder, door);
        }
    }
}
