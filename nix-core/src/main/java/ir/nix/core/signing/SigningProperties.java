package ir.nix.core.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bus signing key ({@code nix.signing.*}): signs traffic checkpoints and exchange reports.
 *
 * @param keyStore         PKCS#12 file holding the bus key and its certificate; when absent, a key is generated
 *                         once and kept in {@code ${nix.data-dir}/bus-signing.p12} (demo and tests only)
 * @param keyStorePassword password of that file (and of the key entry)
 * @param keyAlias         alias of the key entry
 */
@ConfigurationProperties(prefix = "nix.signing")
public record SigningProperties(Path keyStore, @DefaultValue("nix-bus") String keyStorePassword,
                                @DefaultValue("nix-bus") String keyAlias) {
}
