package ir.nix.policy.bundle;

import ir.nix.policy.ServiceVocabulary;
import ir.nix.policy.ServiceVocabulary.ServiceTerms;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code services:} entries of {@code services.yaml}: services a resolution granted that the bus
 * does not route yet (e.g. the Relief Foundation's five inquiries of the 26th session). Declaring them
 * lets the bundle record those grants and still validate their provider and items; the bus answers
 * 404 for them until an adapter and descriptor exist, whatever the grant says.
 */
final class ServiceSection {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Set<String> KEYS = Set.of("code", "provider", "dataItems", "description");

    private ServiceSection() {
    }

    static Map<String, ServiceTerms> read(List<YamlNode> entries, Map<String, Agency> agencies,
                                          ServiceVocabulary vocabulary, Problems problems) {
        Map<String, ServiceTerms> declared = new LinkedHashMap<>();
        for (YamlNode entry : entries) {
            Fields.of(entry, "a service", KEYS, problems).ifPresent(fields -> {
                int before = problems.count();
                ServiceTerms terms = service(fields, agencies, vocabulary, problems);
                if (problems.count() == before && declared.putIfAbsent(terms.code(), terms) != null) {
                    problems.at(fields.mark(), "service '" + terms.code() + "' is declared twice");
                }
            });
        }
        return declared;
    }

    private static ServiceTerms service(Fields fields, Map<String, Agency> agencies, ServiceVocabulary vocabulary,
                                        Problems problems) {
        Fields.Located code = fields.text("code");
        if (!code.text().isEmpty() && !CODE.matcher(code.text()).matches()) {
            problems.at(code.mark(), "service code '" + code.text() + "' must be lower-case words joined by -");
        }
        Fields.Located provider = fields.text("provider");
        if (!provider.text().isEmpty() && !agencies.containsKey(provider.text())) {
            problems.at(provider.mark(), "unknown provider agency '" + provider.text() + "'");
        }
        fields.optionalText("description");
        List<Fields.Located> items = fields.textList("dataItems");
        if (items.isEmpty()) {
            problems.at(fields.mark(), "service '" + code.text() + "' declares no 'dataItems'");
        }
        Set<String> itemNames = new LinkedHashSet<>();
        items.forEach(item -> itemNames.add(item.text()));
        vocabulary.service(code.text()).ifPresent(offered -> checkAgreesWithOffered(offered, provider, items, problems));
        return new ServiceTerms(code.text(), provider.text(), itemNames);
    }

    /** The bus now offers a service the bundle declared: the declaration may stay only if it agrees. */
    private static void checkAgreesWithOffered(ServiceTerms offered, Fields.Located provider, List<Fields.Located> items,
                                               Problems problems) {
        if (!offered.provider().equals(provider.text())) {
            problems.at(provider.mark(), "the bus offers service '" + offered.code() + "' from provider '"
                    + offered.provider() + "', not '" + provider.text() + "'");
        }
        items.stream()
                .filter(item -> !KnownServices.offersItem(offered, item.text()))
                .forEach(item -> problems.at(item.mark(), "the bus offers service '" + offered.code()
                        + "' without data item '" + item.text() + "'"));
    }
}
