package ir.nix.core.ingress.rest;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.hub.ForwardedInquiry;
import ir.nix.core.hub.HubProperties;
import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.tracking.TrackingId;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * The national hub's side of a forwarded inquiry (003 Art. 32): a cluster hub, identified by its own
 * certificate, names the consumer it forwards for and its tracking ID of the exchange. The policy is then
 * decided for that consumer, and the record carries the cluster hub's tracking ID as its parent and the
 * hub's certificate fingerprint. Only a caller the hub configuration lists as a forwarder may do this, and
 * only for its own agencies: from anybody else the header would be a claim to act for another party, and it
 * is refused as re-delegation (003 Art. 34). No header changes who the caller is otherwise.
 */
final class ForwardedConsumers {

    private final HubProperties hub;

    ForwardedConsumers(HubProperties hub) {
        this.hub = hub;
    }

    void apply(HttpServletRequest http, Optional<AgencyCode> caller, InquiryRequest.Builder request) {
        String forwardedFor = http.getHeader(ForwardedInquiry.CONSUMER);
        if (forwardedFor == null) {
            return;
        }
        Set<String> agencies = caller.map(forwarder -> hub.forwarders().get(forwarder.value())).orElse(Set.of());
        if (!AgencyCode.isWellFormed(forwardedFor) || !agencies.contains(forwardedFor)) {
            request.rejectedWith(OutcomeCode.REDELEGATION_FORBIDDEN,
                    "only a registered hub may forward an inquiry, and only for its own agencies");
            return;
        }
        request.consumer(Optional.of(new AgencyCode(forwardedFor)))
                .parent(TrackingId.parse(http.getHeader(ForwardedInquiry.TRACKING_ID)));
    }
}
