package ir.nix.core;

import ir.nix.core.identification.IdentificationProperties;
import ir.nix.core.identification.TlsProperties;
import ir.nix.core.ingress.rest.IngressProperties;
import ir.nix.core.node.NodeProperties;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.traffic.TrafficProperties;
import ir.nix.core.hub.HubProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the core's typed configuration and the shared provider HTTP client. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentificationProperties.class, TlsProperties.class, IngressProperties.class,
        NodeProperties.class, ProvidersProperties.class, TrafficProperties.class, HubProperties.class})
class CoreConfiguration {

    @Bean
    ProviderHttpClient providerHttpClient(ProvidersProperties providers) {
        return new ProviderHttpClient(providers.providerConnectTimeout());
    }
}
