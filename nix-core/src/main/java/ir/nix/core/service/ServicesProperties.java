package ir.nix.core.service;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the service descriptor files are ({@code nix.services.descriptors}): Spring resource
 * patterns, read in order.
 */
@ConfigurationProperties(prefix = "nix.services")
public record ServicesProperties(@DefaultValue(ServiceDescriptorFiles.DEFAULT_LOCATION) List<String> descriptors) {
}
