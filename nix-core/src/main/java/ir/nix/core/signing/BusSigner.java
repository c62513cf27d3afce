package ir.nix.core.signing;

import ir.nix.core.node.NodeProperties;
import ir.nix.core.startup.BackgroundStart;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Signs with the bus key (003 Part 3 Art. 13: PKI where integrity matters): traffic checkpoints and
 * exchange reports. Signatures are detached CMS SignedData; anyone holding {@link #certificate()}
 * checks them with {@link CmsSignatures#verifyDetached}.
 *
 * <p>The key comes from {@code nix.signing.key-store}. Without one (demo, tests) a key is generated on
 * first start and kept in {@code ${nix.data-dir}/bus-signing.p12}; a warning says so, because a key
 * that lives beside the data it vouches for proves little against whoever controls that host.
 *
 * <p>The key is loaded (or generated) on a start thread of its own ({@link BackgroundStart}): the security
 * provider, the key store's decryption and a generated certificate take a second or more, which nothing else
 * at start waits for. The context waits for it once every bean exists; a key store that cannot be read stops
 * the start as before.
 */
@Component
@EnableConfigurationProperties(SigningProperties.class)
public class BusSigner implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(BusSigner.class);

    private final BackgroundStart<BusKey> key;

    public BusSigner(SigningProperties properties, NodeProperties node) {
        this.key = BackgroundStart.run("signing-key", () -> load(properties, node));
    }

    private static BusKey load(SigningProperties properties, NodeProperties node) {
        Path dataDir = node.dataDir();
        BusKey key = BusKey.load(properties, dataDir, node.node());
        if (properties.keyStore() == null) {
            LOG.warn("nix.signing.key-store is not set: signing with the generated key in {} (demo only); "
                    + "certificate SHA-256 {}", dataDir.resolve(BusKey.GENERATED_FILE), CertificatePem.fingerprint(key.certificate()));
        } else {
            LOG.info("signing with {} from {}; certificate SHA-256 {}", key.certificate().getSubjectX500Principal().getName(),
                    properties.keyStore(), CertificatePem.fingerprint(key.certificate()));
        }
        return key;
    }

    /** The start waits here for the key, and fails here when it could not be loaded. */
    @Override
    public void afterSingletonsInstantiated() {
        key.get();
    }

    /** A detached CMS SignedData (DER) over {@code content}, carrying the bus certificate. */
    public byte[] signDetached(byte[] content) {
        BusKey loaded = key.get();
        return CmsSignatures.signDetached(content, loaded.privateKey(), loaded.certificate());
    }

    /** The certificate auditors verify bus signatures with. */
    public X509Certificate certificate() {
        return key.get().certificate();
    }
}
