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
     */
    record Identification(Optional<AgencyCode> consumer, Optional<String> certificate) {
        public static Identification none() {
            return new Identification(Optional.empty(), Optional.empty());
        }
    }
}
