package ir.nix.core.provider;

import ir.nix.core.agency.AgencyCode;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Where each provider agency is reached and how long the bus waits for it. Configured endpoints
 * ({@code nix.providers.<agency>.base-url}) always win; a simulated provider (demo) fills in only
 * what configuration leaves open.
 */
@Component
public class ProviderEndpoints {

    private final ProvidersProperties properties;
    private final Map<String, URI> simulated = new ConcurrentHashMap<>();

    public ProviderEndpoints(ProvidersProperties properties) {
        this.properties = properties;
    }

    public Optional<URI> baseUrl(AgencyCode provider) {
        return configured(provider).map(ProvidersProperties.Endpoint::baseUrl)
                .or(() -> Optional.ofNullable(simulated.get(key(provider))));
    }

    /**
     * Calls {@code provider} with its base URL, or answers {@link ProviderResult.Unavailable} when no endpoint is
     * configured or simulated for it.
     */
    public ProviderResult at(AgencyCode provider, Function<URI, ProviderResult> call) {
        return baseUrl(provider).map(call)
                .orElseGet(() -> new ProviderResult.Unavailable("no endpoint is configured for " + provider.value()));
    }

    public Duration timeout(AgencyCode provider) {
        return settings(provider).timeout();
    }

    /**
     * The deadline configuration sets for {@code provider} where it names the provider with a base URL,
     * else {@code otherwise} (the service descriptor's timeout).
     */
    public Duration timeout(AgencyCode provider, Duration otherwise) {
        return configured(provider).map(ProvidersProperties.Endpoint::timeout).orElse(otherwise);
    }

    /** The provider's configured deadline and isolation, or the defaults for one configuration does not name. */
    public ProvidersProperties.Endpoint settings(AgencyCode provider) {
        return Optional.ofNullable(properties.providers().get(key(provider))).orElse(ProvidersProperties.Endpoint.DEFAULTS);
    }

    /** Used by the demo's simulators; ignored for a provider that configuration already points elsewhere. */
    public void useSimulated(AgencyCode provider, URI baseUrl) {
        simulated.put(key(provider), baseUrl);
    }

    public boolean isConfigured(AgencyCode provider) {
        return configured(provider).isPresent();
    }

    private Optional<ProvidersProperties.Endpoint> configured(AgencyCode provider) {
        return Optional.ofNullable(properties.providers().get(key(provider))).filter(e -> e.baseUrl() != null);
    }

    private static String key(AgencyCode provider) {
        return provider.value().toLowerCase(Locale.ROOT);
    }
}
