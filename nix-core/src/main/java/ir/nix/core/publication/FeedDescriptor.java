package ir.nix.core.publication;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.service.ServiceCode;
import ir.nix.policy.lang.NonNull;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A publication feed as data (a descriptor file {@code feeds/<code>.yml}, like a service's): who
 * publishes it, which items each entry carries and whether it is tokenised. A tokenised feed names its
 * {@code subject}, the national code of each entry: subscribers never receive it, only
 * {@value #TOKEN}, a keyed token of it under their own key (docs/publications.md).
 *
 * @param code       feed code, the last part of its addresses ({@code nix.NOCR.publish.identity-changes})
 * @param version    contract version
 * @param provider   the publishing agency
 * @param subject    the entry field holding the data subject's national code, for tokenised feeds
 * @param items      the other items of an entry, delivered as published
 * @param schedule   when the provider publishes, in words (daily, monthly)
 */
public record FeedDescriptor(ServiceCode code, String version, AgencyCode provider, String titleEn, String titleFa,
                             String legalBasis, String schedule, Optional<String> subject, List<FeedItem> items) {

    /** The delivered item that replaces a tokenised feed's subject. */
    public static final String TOKEN = "token";
    /** During a key overlap, the token under the subscriber's previous key. */
    public static final String PREVIOUS_TOKEN = "previousToken";

    public FeedDescriptor {
        NonNull.components("code version provider subject", code, version, provider, subject);
        items = List.copyOf(items);
        if (subject.isPresent() && items.stream().anyMatch(item -> item.name().equals(subject.get())
                || item.name().equals(TOKEN) || item.name().equals(PREVIOUS_TOKEN))) {
            throw new IllegalArgumentException("an item may not be named like the subject, '" + TOKEN + "' or '"
                    + PREVIOUS_TOKEN + "'");
        }
    }

    public boolean tokenised() {
        return subject.isPresent();
    }

    /** What a subscription may name in its {@code dataItems}: the token (for tokenised feeds) and the items. */
    public List<String> deliveredItems() {
        List<String> delivered = new ArrayList<>();
        if (tokenised()) {
            delivered.add(TOKEN);
        }
        items.forEach(item -> delivered.add(item.name()));
        return List.copyOf(delivered);
    }
}
