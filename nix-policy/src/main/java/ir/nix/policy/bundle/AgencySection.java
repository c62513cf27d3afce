package ir.nix.policy.bundle;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code agencies:} entries: code, Persian and English name, clusters, certificate subjects. */
final class AgencySection {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Set<String> KEYS = Set.of("code", "name", "clusters", "certificateSubjects");
    private static final Set<String> NAME_KEYS = Set.of("fa", "en");

    private AgencySection() {
    }

    static Map<String, Agency> read(List<YamlNode> entries, Problems problems) {
        Map<String, Agency> agencies = new LinkedHashMap<>();
        for (YamlNode entry : entries) {
            Fields.of(entry, "an agency", KEYS, problems).ifPresent(fields -> {
                int before = problems.count();
                Agency agency = agency(fields, problems);
                if (problems.count() == before && agencies.putIfAbsent(agency.code(), agency) != null) {
                    problems.at(fields.mark(), "agency '" + agency.code() + "' is defined twice");
                }
            });
        }
        return agencies;
    }

    private static Agency agency(Fields fields, Problems problems) {
        Fields.Located code = fields.text("code");
        if (!code.text().isEmpty() && !CODE.matcher(code.text()).matches()) {
            problems.at(code.mark(), "agency code '" + code.text() + "' must be upper-case letters, digits or _");
        }
        String nameFa = "";
        String nameEn = "";
        var name = fields.node("name");
        if (name.isEmpty()) {
            problems.at(fields.mark(), "missing 'name' (with 'fa' and 'en')");
        } else {
            var names = Fields.of(name.get(), "an agency name", NAME_KEYS, problems);
            if (names.isPresent()) {
                nameFa = names.get().text("fa").text();
                nameEn = names.get().text("en").text();
            }
        }
        return new Agency(code.text(), nameFa, nameEn, clusters(fields, problems),
                fields.textList("certificateSubjects").stream().map(Fields.Located::text).toList());
    }

    private static Set<ServiceCluster> clusters(Fields fields, Problems problems) {
        Set<ServiceCluster> clusters = EnumSet.noneOf(ServiceCluster.class);
        for (Fields.Located cluster : fields.textList("clusters")) {
            ServiceCluster.byCode(cluster.text()).ifPresentOrElse(clusters::add,
                    () -> problems.at(cluster.mark(), "unknown service cluster '" + cluster.text() + "'; expected one of "
                            + List.of(ServiceCluster.values()).stream().map(ServiceCluster::code).toList()));
        }
        return clusters;
    }
}
