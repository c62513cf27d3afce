package ir.nix.policy.bundle;

import ir.nix.policy.BundleIdentity;
import ir.nix.policy.FeedVocabulary;
import ir.nix.policy.ServiceVocabulary;
import ir.nix.policy.ServiceVocabulary.ServiceTerms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates a policy bundle. A bundle is a set of YAML files with fixed names:
 * <ul>
 *   <li>{@code bundle.yaml} - {@code version} label and optional {@code description};</li>
 *   <li>{@code agencies.yaml} - {@code agencies:} code, {@code name: {fa, en}}, {@code clusters},
 *       {@code certificateSubjects};</li>
 *   <li>{@code resolutions.yaml} - {@code resolutions:} id, body, session, Jalali date,
 *       {@code letter: {number, date}}, text;</li>
 *   <li>{@code services.yaml} (optional) - {@code services:} code, provider, dataItems of services
 *       granted by a resolution but not yet offered by the bus;</li>
 *   <li>{@code grants.yaml} - {@code grants:} the Working-Group grants, and optional {@code subscriptions:}
 *       to publication feeds;</li>
 *   <li>{@code demo-grants.yaml} (optional) - {@code resolutions:}, {@code grants:} and {@code subscriptions:}
 *       for the demo,
 *       read only when demo grants are included.</li>
 * </ul>
 * Validation rejects unknown agencies, services, providers and data items, grants citing unknown
 * resolutions, overlapping grants, malformed dates, unknown keys and duplicate ids; every problem is
 * reported with its file and line in one {@link BundleRejected}.
 */
public final class PolicyBundleLoader {

    public static final String BUNDLE = "bundle.yaml";
    public static final String AGENCIES = "agencies.yaml";
    public static final String RESOLUTIONS = "resolutions.yaml";
    public static final String SERVICES = "services.yaml";
    public static final String GRANTS = "grants.yaml";
    public static final String DEMO_GRANTS = "demo-grants.yaml";

    /** Reading and hashing order. */
    private static final List<String> FILES = List.of(BUNDLE, AGENCIES, RESOLUTIONS, SERVICES, GRANTS, DEMO_GRANTS);
    private static final Set<String> REQUIRED = Set.of(BUNDLE, AGENCIES, RESOLUTIONS, GRANTS);

    private final ServiceVocabulary vocabulary;
    private final FeedVocabulary feeds;
    private final boolean includeDemoGrants;

    /**
     * @param vocabulary        the services the bus offers, to validate grants against
     * @param includeDemoGrants whether {@code demo-grants.yaml} is part of the policy (demo profile only)
     */
    public PolicyBundleLoader(ServiceVocabulary vocabulary, boolean includeDemoGrants) {
        this(vocabulary, FeedVocabulary.NONE, includeDemoGrants);
    }

    /** @param feeds the publication feeds the bus carries, to validate subscriptions against */
    public PolicyBundleLoader(ServiceVocabulary vocabulary, FeedVocabulary feeds, boolean includeDemoGrants) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.feeds = Objects.requireNonNull(feeds, "feeds");
        this.includeDemoGrants = includeDemoGrants;
    }

    /** The validated bundle; throws {@link BundleRejected} naming file and line of every problem. */
    public PolicyBundle load(BundleLocation location) {
        Problems problems = new Problems();
        Map<String, byte[]> files = readFiles(location, problems);
        Map<String, YamlNode> roots = new LinkedHashMap<>();
        files.forEach((name, content) -> YamlTreeReader.read(name, content, problems)
                .ifPresent(root -> roots.put(name, root)));
        rejectIfAny(location, problems);
        PolicyBundle bundle = validate(roots, BundleHash.of(files), problems);
        rejectIfAny(location, problems);
        return bundle;
    }

    private Map<String, byte[]> readFiles(BundleLocation location, Problems problems) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            if (name.equals(DEMO_GRANTS) && !includeDemoGrants) {
                continue;
            }
            try {
                Optional<byte[]> content = location.read(name);
                content.ifPresent(bytes -> files.put(name, bytes));
                if (content.isEmpty() && REQUIRED.contains(name)) {
                    problems.inFile(name, "missing from the bundle at " + location);
                }
            } catch (IOException e) {
                problems.inFile(name, "unreadable: " + e.getMessage());
            }
        }
        return files;
    }

    private PolicyBundle validate(Map<String, YamlNode> roots, String sha256, Problems problems) {
        Optional<Fields> bundleFile = root(roots, BUNDLE, Set.of("version", "description"), problems);
        String version = bundleFile.map(fields -> fields.text("version").text()).orElse("");
        String description = bundleFile.flatMap(fields -> fields.optionalText("description"))
                .map(Fields.Located::text).orElse("");

        Map<String, Agency> agencies = AgencySection.read(list(roots, AGENCIES, "agencies", problems), problems);

        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        ResolutionSection.read(list(roots, RESOLUTIONS, "resolutions", problems), false, resolutions, problems);
        Optional<Fields> demoFile = root(roots, DEMO_GRANTS, Set.of("resolutions", "grants", "subscriptions"), problems);
        demoFile.ifPresent(fields -> ResolutionSection.read(fields.items("resolutions"), true, resolutions, problems));

        Map<String, ServiceTerms> declared = ServiceSection.read(
                list(roots, SERVICES, "services", problems), agencies, vocabulary, problems);

        GrantSection section = new GrantSection(agencies, resolutions, new KnownServices(vocabulary, declared), problems);
        List<GrantSection.LocatedGrant> grants = new ArrayList<>();
        Optional<Fields> grantsFile = root(roots, GRANTS, Set.of("grants", "subscriptions"), problems);
        section.read(grantsFile.map(fields -> fields.items("grants")).orElse(List.of()), false, grants);
        demoFile.ifPresent(fields -> section.read(fields.items("grants"), true, grants));
        section.checkUniqueIds(grants);
        section.checkOverlaps(grants);

        SubscriptionSection subscriptionSection = new SubscriptionSection(agencies, resolutions, feeds, problems);
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> subscriptionIds = new HashSet<>();
        grantsFile.ifPresent(fields -> subscriptionSection.read(fields.items("subscriptions"), false, subscriptions,
                subscriptionIds));
        demoFile.ifPresent(fields -> subscriptionSection.read(fields.items("subscriptions"), true, subscriptions,
                subscriptionIds));

        return new PolicyBundle(new BundleIdentity(version, sha256), description, agencies, resolutions, declared,
                grants.stream().map(GrantSection.LocatedGrant::grant).toList(), subscriptions);
    }

    /** The file's root mapping; empty when the (optional) file is absent. */
    private static Optional<Fields> root(Map<String, YamlNode> roots, String file, Set<String> keys, Problems problems) {
        return Optional.ofNullable(roots.get(file)).flatMap(root -> Fields.of(root, file, keys, problems));
    }

    /** The list under the file's single top-level key, e.g. {@code grants:} in grants.yaml. */
    private static List<YamlNode> list(Map<String, YamlNode> roots, String file, String key, Problems problems) {
        return root(roots, file, Set.of(key), problems).map(fields -> fields.items(key)).orElse(List.of());
    }

    private static void rejectIfAny(BundleLocation location, Problems problems) {
        if (problems.any()) {
            throw new BundleRejected(location.toString(), problems.all());
        }
    }
}
