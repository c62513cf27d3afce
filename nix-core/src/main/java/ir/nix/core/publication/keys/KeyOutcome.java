package ir.nix.core.publication.keys;

import ir.nix.core.agency.AgencyCode;
import java.time.Instant;
import java.util.Optional;

/** What an issue or rotation of a subscriber's key came to. */
public sealed interface KeyOutcome {

    /**
     * A new key version, to be handed to the subscriber over a protected channel; NIX keeps only its
     * version and date.
     *
     * @param key                   base64url (no padding) of the 32-byte key
     * @param previousAcceptedUntil after a rotation, until when the previous version is still used as well
     */
    record Issued(AgencyCode agency, int version, Instant issuedAt, String key, Optional<Instant> previousAcceptedUntil)
            implements KeyOutcome {
    }

    /** @param reason names what is wrong (an existing key on issue, none on rotation, no master key) */
    record Refused(String reason) implements KeyOutcome {
    }
}
