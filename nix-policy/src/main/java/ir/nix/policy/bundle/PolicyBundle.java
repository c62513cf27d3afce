package ir.nix.policy.bundle;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.ServiceVocabulary.ServiceTerms;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated policy bundle: the agencies, the resolutions, the services the bundle declares on top
 * of the bus's own vocabulary, and the grants. Immutable; produced by {@link PolicyBundleLoader}.
 *
 * @param identity         version label and content hash
 * @param description      the bundle's own description, possibly empty
 * @param agencies         by agency code, in bundle order
 * @param resolutions      by resolution id, in bundle order
 * @param declaredServices services the bundle declares because the bus does not (yet) offer them
 * @param grants           in bundle order (grants.yaml first, then demo-grants.yaml when included)
 * @param subscriptions    subscriptions to publication feeds, in the same order
 */
public record PolicyBundle(BundleIdentity identity, String description, Map<String, Agency> agencies,
                           Map<String, Resolution> resolutions, Map<String, ServiceTerms> declaredServices,
                           List<Grant> grants, List<Subscription> subscriptions) {

    /** A bundle without subscriptions. */
    public PolicyBundle(BundleIdentity identity, String description, Map<String, Agency> agencies,
                        Map<String, Resolution> resolutions, Map<String, ServiceTerms> declaredServices, List<Grant> grants) {
        this(identity, description, agencies, resolutions, declaredServices, grants, List.of());
    }

    public PolicyBundle {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(description, "description");
        agencies = Collections.unmodifiableMap(new LinkedHashMap<>(agencies));
        resolutions = Collections.unmodifiableMap(new LinkedHashMap<>(resolutions));
        declaredServices = Collections.unmodifiableMap(new LinkedHashMap<>(declaredServices));
        grants = List.copyOf(grants);
        subscriptions = List.copyOf(subscriptions);
    }

    /** The subscriptions to {@code provider}'s {@code feed} in force on {@code day} (Asia/Tehran). */
    public List<Subscription> subscribersOn(String provider, String feed, LocalDate day) {
        return subscriptions.stream()
                .filter(s -> s.provider().equals(provider) && s.feed().equals(feed) && s.inForceOn(day))
                .toList();
    }
}
