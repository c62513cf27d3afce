package ir.nix.core.node;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This bus node ({@code nix.node}, {@code nix.data-dir}): its name is recorded with every exchange, names
 * its traffic chain and its signing key; its data directory holds the embedded store and the generated key.
 *
 * @param node    this bus node's name, unique among the nodes sharing a store
 * @param dataDir where the embedded store, the embedded broker and a generated signing key live
 */
@ConfigurationProperties(prefix = "nix")
public record NodeProperties(@DefaultValue("nix-1") String node, @DefaultValue("./nix-data") Path dataDir) {

    /** A node of that name with the default data directory (tests and tools). */
    public static NodeProperties named(String node) {
        return new NodeProperties(node, Path.of("./nix-data"));
    }
}
