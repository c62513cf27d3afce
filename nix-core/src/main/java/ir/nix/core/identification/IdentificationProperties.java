package ir.nix.core.identification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How callers are identified ({@code nix.identification.*}). The certificates themselves are governed
 * by {@link TlsProperties} ({@code nix.tls.*}: trusted CAs, CRL, OCSP, the certificate registry).
 *
 * @param mode {@code certificate} (production, the default) or {@code header} (demo and tests only)
 */
@ConfigurationProperties(prefix = "nix.identification")
public record IdentificationProperties(@DefaultValue("certificate") String mode) {
}
