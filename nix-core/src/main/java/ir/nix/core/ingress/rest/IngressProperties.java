package ir.nix.core.ingress.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * REST ingress limits ({@code nix.ingress.*}).
 *
 * @param maxBodyBytes largest inquiry body accepted; larger ones are refused with 413 unread
 */
@ConfigurationProperties(prefix = "nix.ingress")
public record IngressProperties(@DefaultValue("65536") int maxBodyBytes) {
}
