package ir.nix.core.ingress.messaging;

import ir.nix.core.agency.AgencyCode;

/**
 * The broker addresses of the messaging contract. Each agency owns its own: the broker's security
 * settings let it send only to its request address and consume only its reply and dead-letter addresses.
 */
public final class MessagingAddresses {

    /** Every address of the contract lies under this prefix. */
    public static final String PREFIX = "nix.";

    private MessagingAddresses() {
    }

    public static String requests(AgencyCode agency) {
        return PREFIX + agency.value() + ".requests";
    }

    public static String replies(AgencyCode agency) {
        return PREFIX + agency.value() + ".replies";
    }

    public static String deadLetters(AgencyCode agency) {
        return PREFIX + agency.value() + ".dead-letters";
    }

    /** Matches every agency's request address (Artemis wildcard syntax). */
    public static String anyRequests() {
        return PREFIX + "*.requests";
    }

    /** Matches every agency's reply address (Artemis wildcard syntax). */
    public static String anyReplies() {
        return PREFIX + "*.replies";
    }

    /** Matches every agency's dead-letter address (Artemis wildcard syntax). */
    public static String anyDeadLetters() {
        return PREFIX + "*.dead-letters";
    }
}
