package ir.nix.policy.bundle;

import ir.nix.policy.ServiceVocabulary;
import ir.nix.policy.ServiceVocabulary.ServiceTerms;

import java.util.Map;
import java.util.Optional;

/**
 * The services grants may name: those the bus offers (its {@link ServiceVocabulary}) and those the
 * bundle declares in {@code services.yaml} because a resolution granted them before the bus routes
 * them. The bus's own terms win: a declaration never redefines an offered service.
 */
final class KnownServices {

    private final ServiceVocabulary vocabulary;
    private final Map<String, ServiceTerms> declared;

    KnownServices(ServiceVocabulary vocabulary, Map<String, ServiceTerms> declared) {
        this.vocabulary = vocabulary;
        this.declared = declared;
    }

    Optional<ServiceTerms> find(String code) {
        return vocabulary.service(code).or(() -> Optional.ofNullable(declared.get(code)));
    }

    /**
     * Whether {@code item} names a reply item of the service: an item the service lists, or the
     * container of listed nested items ({@code persons} for {@code persons.firstName}).
     */
    static boolean offersItem(ServiceTerms terms, String item) {
        if (terms.dataItems().contains(item)) {
            return true;
        }
        String container = item + ".";
        return terms.dataItems().stream().anyMatch(offered -> offered.startsWith(container));
    }
}
