package ir.nix.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Provider agencies' endpoints ({@code nix.providers.<agency code in lower case>.*}) and the shared
 * connect timeout ({@code nix.provider-connect-timeout}).
 */
@ConfigurationProperties(prefix = "nix")
public record ProvidersProperties(Map<String, Endpoint> providers,
                                  @DefaultValue("2s") Duration providerConnectTimeout) {

    public ProvidersProperties {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    /**
     * @param baseUrl where the provider's API is rooted
     * @param timeout how long the bus waits for an answer before replying 504; unset, each service's
     *                descriptor says
     */
    public record Endpoint(URI baseUrl, Duration timeout) {
    }
}
