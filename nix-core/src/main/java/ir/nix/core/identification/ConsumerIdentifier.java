package ir.nix.core.identification;

import ir.nix.core.agency.AgencyCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * SPI: tells which agency is calling. In production a TLS client certificate identifies the agency;
 * in the demo and in tests a header does. Exactly one implementation is active per profile.
 */
public interface ConsumerIdentifier {

    Identification identify(HttpServletRequest request);

    /**
     * @param consumer    the calling agency, empty when it could not be identified
     * @param certificate SHA-256 fingerprint of the client certificate, when one was presented
     * @param refusal     why nobody was identified, in words for the problem's {@code detail}, when known
     * @param reason      the same as a stable code, for the traffic record's {@code reason}, when known
     */
    record Identification(Optional<AgencyCode> consumer, Optional<String> certificate, Optional<String> refusal,
                          Optional<Refusal> reason) {

        public Identification(Optional<AgencyCode> consumer, Optional<String> certificate) {
            this(consumer, certificate, Optional.empty(), Optional.empty());
        }

        /** Nobody, for this reason. */
        public static Identification refused(Optional<String> certificate, Refusal reason) {
            return new Identification(Optional.empty(), certificate, Optional.of(reason.detail()), Optional.of(reason));
        }

        public static Identification none() {
            return new Identification(Optional.empty(), Optional.empty());
        }
    }
}
