package ir.nix.core.publication;

import ir.nix.core.publication.keys.ActiveKeys;
import ir.nix.core.publication.keys.SubscriberKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One subscriber's copy of a publication, {@code {"feed", "keyVersion"?, "entries": [...]}}: per entry
 * only the items its subscription grants, and for a tokenised feed the subject replaced by
 * {@code token} = HMAC-SHA256(subscriber key, national code) (plus {@code previousToken} under the previous
 * key during a rotation's overlap). The national code itself is never in a copy.
 */
final class DeliveryRendering {

    private final JsonMapper json;

    DeliveryRendering(JsonMapper json) {
        this.json = json;
    }

    byte[] render(FeedDescriptor feed, Set<String> granted, List<Map<String, String>> entries, Optional<ActiveKeys> keys) {
        ObjectNode copy = json.createObjectNode();
        copy.put("feed", feed.code().value());
        keys.ifPresent(active -> copy.put("keyVersion", active.current().version()));
        ArrayNode rendered = copy.putArray(PublishedEntries.ENTRIES);
        for (Map<String, String> entry : entries) {
            ObjectNode out = rendered.addObject();
            if (feed.subject().isPresent() && keys.isPresent() && granted.contains(FeedDescriptor.TOKEN)) {
                String subject = entry.get(feed.subject().get());
                out.put(FeedDescriptor.TOKEN, keys.get().current().token(subject));
                keys.get().previous().map((SubscriberKey previous) -> previous.token(subject))
                        .ifPresent(token -> out.put(FeedDescriptor.PREVIOUS_TOKEN, token));
            }
            for (FeedItem item : feed.items()) {
                String value = entry.get(item.name());
                if (value != null && granted.contains(item.name())) {
                    out.put(item.name(), value);
                }
            }
        }
        return json.writeValueAsBytes(copy);
    }
}
