package ir.nix.core.publication;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.ingress.messaging.MessagingAddresses;

/**
 * The broker addresses of publications: a provider publishes a feed on its publish address, and NIX
 * delivers to one durable queue per subscriber. The broker's security settings let only the provider
 * send to the first and only the subscriber consume the second.
 */
public final class PublicationAddresses {

    private PublicationAddresses() {
    }

    public static String publish(AgencyCode provider, String feed) {
        return MessagingAddresses.PREFIX + provider.value() + ".publish." + feed;
    }

    public static String publications(AgencyCode subscriber, String feed) {
        return MessagingAddresses.PREFIX + subscriber.value() + ".publications." + feed;
    }

    /**
     * Where NIX tells a provider what became of each publication: a receipt once its copies and their records
     * are durable, or its refusal. Until its receipt arrives a publication is the provider's to publish again.
     */
    public static String receipts(AgencyCode provider) {
        return MessagingAddresses.PREFIX + provider.value() + ".receipts";
    }

    /** Matches every provider's publish addresses (Artemis wildcard syntax). */
    public static String anyPublish() {
        return MessagingAddresses.PREFIX + "*.publish.*";
    }

    /** Matches every provider's receipt queue (Artemis wildcard syntax). */
    public static String anyReceipts() {
        return MessagingAddresses.PREFIX + "*.receipts";
    }

    /** Matches every subscriber's publication queues (Artemis wildcard syntax). */
    public static String anyPublications() {
        return MessagingAddresses.PREFIX + "*.publications.*";
    }
}
