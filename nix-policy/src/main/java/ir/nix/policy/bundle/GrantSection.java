package ir.nix.policy.bundle;

import ir.nix.policy.GrantCondition;
import ir.nix.policy.ServiceVocabulary.ServiceTerms;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code grants:} entries and checks each against the agencies, resolutions and services it
 * names. Overlaps between grants are checked afterwards, across files, by {@link #checkOverlaps}.
 */
final class GrantSection {

    /** A grant with the place it was written, for problems found after reading. */
    record LocatedGrant(Grant grant, YamlNode.Mark mark) {
    }

    private static final Set<String> KEYS = Set.of("id", "resolution", "consumer", "service", "provider", "dataItems",
            "validFrom", "validUntil", "revoked", "quota", "purpose", "conditions", "onBehalfOf");
    private static final Set<String> QUOTA_KEYS = Set.of("perSecond", "perDay");
    private static final long MAX_PER_SECOND = 1_000_000;
    private static final long MAX_PER_DAY = 1_000_000_000_000L;

    private final Map<String, Agency> agencies;
    private final Map<String, Resolution> resolutions;
    private final KnownServices services;
    private final Problems problems;

    GrantSection(Map<String, Agency> agencies, Map<String, Resolution> resolutions, KnownServices services,
                 Problems problems) {
        this.agencies = agencies;
        this.resolutions = resolutions;
        this.services = services;
        this.problems = problems;
    }

    /** Reads the entries; a grant with any problem is reported and left out. */
    void read(List<YamlNode> entries, boolean demo, List<LocatedGrant> into) {
        for (YamlNode entry : entries) {
            Fields.of(entry, "a grant", KEYS, problems).ifPresent(fields -> {
                int before = problems.count();
                Grant grant = grant(fields, demo);
                if (problems.count() == before) {
                    into.add(new LocatedGrant(grant, fields.mark()));
                }
            });
        }
    }

    /**
     * Two grants in force for the same consumer and service at the same time would make the decision
     * depend on their order. Revoked grants are history and overlap nothing.
     */
    void checkOverlaps(List<LocatedGrant> grants) {
        for (int later = 0; later < grants.size(); later++) {
            Grant grant = grants.get(later).grant();
            for (int earlier = 0; earlier < later && !grant.revoked(); earlier++) {
                Grant other = grants.get(earlier).grant();
                if (!other.revoked() && other.consumer().equals(grant.consumer())
                        && other.service().equals(grant.service()) && other.validityOverlaps(grant)) {
                    YamlNode.Mark otherMark = grants.get(earlier).mark();
                    problems.at(grants.get(later).mark(), "grant '" + grant.id() + "' overlaps grant '" + other.id()
                            + "' (" + otherMark.file() + " line " + otherMark.line() + "): both give " + grant.consumer()
                            + " the service '" + grant.service() + "' for intersecting validity periods");
                }
            }
        }
    }

    /** Grant ids are unique across grants.yaml and demo-grants.yaml. */
    void checkUniqueIds(List<LocatedGrant> grants) {
        Set<String> seen = new HashSet<>();
        grants.stream()
                .filter(located -> !seen.add(located.grant().id()))
                .forEach(located -> problems.at(located.mark(), "grant '" + located.grant().id() + "' is defined twice"));
    }

    private Grant grant(Fields fields, boolean demo) {
        String id = fields.text("id").text();
        if (id.chars().anyMatch(Character::isWhitespace)) {
            problems.at(fields.mark(), "grant id '" + id + "' must not contain spaces");
        }
        String resolution = fields.reference("resolution", resolutions.keySet(), "resolution");
        String consumer = fields.reference("consumer", agencies.keySet(), "consumer agency");
        String provider = fields.reference("provider", agencies.keySet(), "provider agency");
        Fields.Located service = fields.text("service");
        Set<String> dataItems = dataItems(fields, service, provider);
        Fields.Period validity = fields.validity();
        return new Grant(id, resolution, consumer, service.text(), provider, dataItems, validity.from(), validity.until(),
                fields.flag("revoked", false), quota(fields),
                fields.optionalText("purpose").map(Fields.Located::text).orElse(""), conditions(fields),
                onBehalfOf(fields), demo);
    }

    /** The items, checked against the service as the bus (or the bundle) defines it. */
    private Set<String> dataItems(Fields fields, Fields.Located service, String provider) {
        List<Fields.Located> items = fields.textList("dataItems");
        if (items.isEmpty()) {
            problems.at(fields.mark(), "a grant needs at least one item in 'dataItems'");
        }
        Set<String> names = new LinkedHashSet<>();
        items.forEach(item -> names.add(item.text()));
        if (service.text().isEmpty()) {
            return names;
        }
        Optional<ServiceTerms> terms = services.find(service.text());
        if (terms.isEmpty()) {
            problems.at(service.mark(), "unknown service '" + service.text()
                    + "': neither offered by the bus nor declared in services.yaml");
            return names;
        }
        if (!provider.isEmpty() && !terms.get().provider().equals(provider)) {
            problems.at(fields.text("provider").mark(), "service '" + service.text() + "' is provided by '"
                    + terms.get().provider() + "', not '" + provider + "'");
        }
        items.stream()
                .filter(item -> !KnownServices.offersItem(terms.get(), item.text()))
                .forEach(item -> problems.at(item.mark(), "unknown data item '" + item.text() + "' of service '"
                        + service.text() + "'"));
        return names;
    }

    private Quota quota(Fields fields) {
        return fields.node("quota")
                .filter(node -> !(node instanceof YamlNode.Scalar scalar && scalar.isBlank()))
                .flatMap(node -> Fields.of(node, "a quota", QUOTA_KEYS, problems))
                .map(quota -> new Quota(
                        quota.positiveNumber("perSecond", MAX_PER_SECOND).stream().mapToInt(n -> (int) n).findFirst(),
                        quota.positiveNumber("perDay", MAX_PER_DAY)))
                .orElse(Quota.UNLIMITED);
    }

    private List<GrantCondition> conditions(Fields fields) {
        return ConditionSection.read(fields.items("conditions"), problems);
    }

    /** Free labels are allowed (a caller may act for a unit, not an agency); only emptiness is checked. */
    private Set<String> onBehalfOf(Fields fields) {
        Set<String> parties = new LinkedHashSet<>();
        fields.textList("onBehalfOf").forEach(party -> parties.add(party.text()));
        return parties;
    }
}
