package ir.nix.policy.bundle;

import ir.nix.policy.FeedVocabulary;
import ir.nix.policy.FeedVocabulary.FeedTerms;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code subscriptions:} entries (in {@code grants.yaml} and {@code demo-grants.yaml}) and checks
 * each against the agencies, resolutions and feeds it names: the feed must be one the bus carries, from
 * that provider, and every item one the feed delivers.
 */
final class SubscriptionSection {

    private static final Set<String> KEYS = Set.of("id", "resolution", "subscriber", "feed", "provider", "dataItems",
            "validFrom", "validUntil", "revoked", "purpose");

    private final Map<String, Agency> agencies;
    private final Map<String, Resolution> resolutions;
    private final FeedVocabulary feeds;
    private final Problems problems;

    SubscriptionSection(Map<String, Agency> agencies, Map<String, Resolution> resolutions, FeedVocabulary feeds,
                        Problems problems) {
        this.agencies = agencies;
        this.resolutions = resolutions;
        this.feeds = feeds;
        this.problems = problems;
    }

    /**
     * Reads the entries; a subscription with any problem is reported and left out. Ids are unique across
     * both files: {@code seenIds} holds those read so far.
     */
    void read(List<YamlNode> entries, boolean demo, List<Subscription> into, Set<String> seenIds) {
        for (YamlNode entry : entries) {
            Fields.of(entry, "a subscription", KEYS, problems).ifPresent(fields -> {
                int before = problems.count();
                Subscription subscription = subscription(fields, demo);
                if (!seenIds.add(subscription.id())) {
                    problems.at(fields.mark(), "subscription '" + subscription.id() + "' is defined twice");
                }
                if (problems.count() == before) {
                    into.add(subscription);
                }
            });
        }
    }

    private Subscription subscription(Fields fields, boolean demo) {
        String id = fields.text("id").text();
        String resolution = fields.reference("resolution", resolutions.keySet(), "resolution");
        String subscriber = fields.reference("subscriber", agencies.keySet(), "subscriber agency");
        String provider = fields.reference("provider", agencies.keySet(), "provider agency");
        Fields.Located feed = fields.text("feed");
        Set<String> dataItems = dataItems(fields, feed, provider);
        Fields.Period validity = fields.validity();
        return new Subscription(id, resolution, subscriber, feed.text(), provider, dataItems, validity.from(),
                validity.until(), fields.flag("revoked", false),
                fields.optionalText("purpose").map(Fields.Located::text).orElse(""), demo);
    }

    private Set<String> dataItems(Fields fields, Fields.Located feed, String provider) {
        List<Fields.Located> items = fields.textList("dataItems");
        if (items.isEmpty()) {
            problems.at(fields.mark(), "a subscription needs at least one item in 'dataItems'");
        }
        Set<String> names = new LinkedHashSet<>();
        items.forEach(item -> names.add(item.text()));
        if (feed.text().isEmpty()) {
            return names;
        }
        Optional<FeedTerms> terms = feeds.feed(feed.text());
        if (terms.isEmpty()) {
            problems.at(feed.mark(), "unknown feed '" + feed.text() + "': the bus carries no such publication");
            return names;
        }
        if (!provider.isEmpty() && !terms.get().provider().equals(provider)) {
            problems.at(fields.text("provider").mark(), "feed '" + feed.text() + "' is published by '"
                    + terms.get().provider() + "', not '" + provider + "'");
        }
        items.stream()
                .filter(item -> !terms.get().dataItems().contains(item.text()))
                .forEach(item -> problems.at(item.mark(), "unknown data item '" + item.text() + "' of feed '"
                        + feed.text() + "'"));
        return names;
    }
}
