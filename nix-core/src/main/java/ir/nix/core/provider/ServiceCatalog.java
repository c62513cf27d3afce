package ir.nix.core.provider;

import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import ir.nix.core.service.ServicesProperties;
import ir.nix.policy.ServiceVocabulary;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The services this bus offers: each descriptor file joined by code to the {@link ProviderAdapter}
 * that serves it. A descriptor without an adapter, or an adapter without a descriptor, stops the
 * start: a service is both or neither. Also tells the policy engine which services, providers and
 * data items exist, so a bundle naming others is rejected.
 */
@Component
@EnableConfigurationProperties(ServicesProperties.class)
public class ServiceCatalog implements ServiceVocabulary {

    /** One offered service: what it is, and who serves it. */
    public record Entry(ServiceDescriptor descriptor, ProviderAdapter adapter) {
    }

    private final Map<String, Entry> services = new TreeMap<>();

    @Autowired
    public ServiceCatalog(ServicesProperties properties, List<ProviderAdapter> adapters, ProviderEndpoints endpoints) {
        this(ServiceDescriptorFiles.read(properties.descriptors()), adapters, endpoints);
    }

    public ServiceCatalog(List<ServiceDescriptor> descriptors, List<ProviderAdapter> adapters, ProviderEndpoints endpoints) {
        Map<String, ProviderAdapter> byCode = adapters.stream().collect(Collectors.toMap(
                adapter -> adapter.service().value(), Function.identity(), (one, other) -> {
                    throw new IllegalStateException("two adapters serve service " + one.service() + ": "
                            + one.getClass().getName() + " and " + other.getClass().getName());
                }));
        for (ServiceDescriptor descriptor : descriptors) {
            String code = descriptor.code().value();
            ProviderAdapter adapter = byCode.get(code);
            if (adapter == null) {
                throw new IllegalStateException("service descriptor services/" + code + ".yml has no adapter: "
                        + "register a ProviderAdapter whose service() is '" + code + "', or remove the file");
            }
            Duration timeout = endpoints.timeout(descriptor.provider(), descriptor.timeout());
            if (services.putIfAbsent(code, new Entry(descriptor.withTimeout(timeout), adapter)) != null) {
                throw new IllegalStateException("two descriptor files describe service " + code);
            }
        }
        Set<String> undescribed = new TreeSet<>(byCode.keySet());
        undescribed.removeAll(services.keySet());
        if (!undescribed.isEmpty()) {
            throw new IllegalStateException("adapters without a service descriptor file (services/<code>.yml): "
                    + undescribed.stream().map(code -> code + " (" + byCode.get(code).getClass().getName() + ")")
                    .collect(Collectors.joining(", ")));
        }
    }

    public Optional<Entry> entry(String serviceCode) {
        return Optional.ofNullable(services.get(serviceCode));
    }

    public Optional<ProviderAdapter> adapter(String serviceCode) {
        return entry(serviceCode).map(Entry::adapter);
    }

    public Optional<ServiceDescriptor> descriptor(String serviceCode) {
        return entry(serviceCode).map(Entry::descriptor);
    }

    /** Every offered service's descriptor, by code. */
    public Collection<ServiceDescriptor> descriptors() {
        return services.values().stream().map(Entry::descriptor).toList();
    }

    @Override
    public Optional<ServiceTerms> service(String serviceCode) {
        return descriptor(serviceCode).map(d -> new ServiceTerms(d.code().value(), d.provider().value(), Set.copyOf(d.dataItems())));
    }
}
