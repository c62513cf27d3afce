package ir.nix.policy;

import java.util.Optional;
import java.util.Set;

/**
 * The services the bus offers, as far as the policy engine needs to know them: so that a bundle
 * naming an unknown service, provider or data item is rejected on load. Supplied by the bus from its
 * service descriptors; the policy module itself knows no service by name.
 */
public interface ServiceVocabulary {

    Optional<ServiceTerms> service(String serviceCode);

    /**
     * @param provider  agency code of the provider
     * @param dataItems every data item the service can return; nested items as {@code persons.firstName}
     */
    record ServiceTerms(String code, String provider, Set<String> dataItems) {
        public ServiceTerms {
            dataItems = Set.copyOf(dataItems);
        }
    }
}
