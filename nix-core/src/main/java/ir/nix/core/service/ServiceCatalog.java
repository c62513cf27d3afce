package ir.nix.core.service;

import ir.nix.core.provider.ProviderAdapter;
import ir.nix.policy.ServiceVocabulary;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The services this bus offers: one per registered {@link ProviderAdapter}. Also tells the policy
 * engine which services, providers and data items exist, so a bundle naming others is rejected.
 */
@Component
public class ServiceCatalog implements ServiceVocabulary {

    private final Map<String, ProviderAdapter> adapters = new LinkedHashMap<>();

    public ServiceCatalog(List<ProviderAdapter> registered) {
        registered.stream()
                .sorted(Comparator.comparing(adapter -> adapter.descriptor().code().value()))
                .forEach(this::register);
    }

    private void register(ProviderAdapter adapter) {
        String code = adapter.descriptor().code().value();
        if (adapters.putIfAbsent(code, adapter) != null) {
            throw new IllegalStateException("two adapters register service " + code);
        }
    }

    public Optional<ProviderAdapter> adapter(String serviceCode) {
        return Optional.ofNullable(adapters.get(serviceCode));
    }

    public Optional<ServiceDescriptor> descriptor(String serviceCode) {
        return adapter(serviceCode).map(ProviderAdapter::descriptor);
    }

    public Collection<ServiceDescriptor> descriptors() {
        return adapters.values().stream().map(ProviderAdapter::descriptor).toList();
    }

    @Override
    public Optional<ServiceTerms> service(String serviceCode) {
        return descriptor(serviceCode).map(d -> new ServiceTerms(d.code().value(), d.provider().value(), Set.copyOf(d.dataItems())));
    }
}
