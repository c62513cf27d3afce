package ir.nix.core.signing;

import ir.nix.core.node.NodeProperties;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 */
@Component
@EnableConfigurationProperties(SigningProperties.class)
public class BusSigner {

    private static final Logger LOG = LoggerFactory.getLogger(BusSigner.class);

    private final BusKey key;

    public BusSigner(SigningProperties properties, NodeProperties node) {
        Path dataDir = node.dataDir();
        this.key = BusKey.load(properties, dataDir, node.node());
        if (properties.keyStore() == null) {
            LOG.warn("nix.signing.key-store is not set: signing with the generated key in {} (demo only); "
                    + "certificate SHA-256 {}", dataDir.resolve(BusKey.GENERATED_FILE), CertificatePem.fingerprint(key.certificate()));
        } else {
            LOG.info("signing with {} from {}; certificate SHA-256 {}", key.certificate().getSubjectX500Principal().getName(),
                    properties.keyStore(), CertificatePem.fingerprint(key.certificate()));
        }
    }

    /** A detached CMS SignedData (DER) over {@code content}, carrying the bus certificate. */
    public byte[] signDetached(byte[] content) {
        return CmsSignatures.signDetached(content, key.privateKey(), key.certificate());
    }

    /** The certificate auditors verify bus signatures with. */
    public X509Certificate certificate() {
        return key.certificate();
    }
}
