package ir.nix.core.ingress.rest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ingress limits ({@code nix.ingress.*}), for the REST and the SOAP channel alike.
 *
 * @param maxBodyBytes largest inquiry body accepted; larger ones are refused (413, or a
 *                     {@code PAYLOAD_TOO_LARGE} fault) without being read
 */
@ConfigurationProperties(prefix = "nix.ingress")
public record IngressProperties(@DefaultValue("65536") int maxBodyBytes) {
}
