package ir.nix.core.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The bus key and its certificate, from a PKCS#12 file: the operator's (production), or one generated
 * once and kept under the data directory (demo, tests), so that checkpoints signed before a restart
 * still verify against the same certificate after it.
 */
record BusKey(PrivateKey privateKey, X509Certificate certificate) {

    static final String GENERATED_FILE = "bus-signing.p12";
    private static final Duration GENERATED_VALIDITY = Duration.ofDays(3650);

    @Override
    public String toString() {
        return "BusKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }

    /** The configured key store, or the generated one under {@code dataDir}, created on first use. */
    static BusKey load(SigningProperties properties, Path dataDir, String node) {
        if (properties.keyStore() != null) {
            if (!Files.isRegularFile(properties.keyStore())) {
                throw new IllegalStateException("nix.signing.key-store " + properties.keyStore() + " does not exist");
            }
            return read(properties.keyStore(), properties);
        }
        Path generated = dataDir.resolve(GENERATED_FILE);
        if (!Files.isRegularFile(generated)) {
            write(generate(node), generated, properties);
        }
        return read(generated, properties);
    }

    static BusKey read(Path file, SigningProperties properties) {
        char[] password = properties.keyStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            if (!store.isKeyEntry(properties.keyAlias())) {
                throw new IllegalStateException("key store " + file + " holds no key entry '" + properties.keyAlias()
                        + "' (nix.signing.key-alias)");
            }
            return new BusKey((PrivateKey) store.getKey(properties.keyAlias(), password),
                    (X509Certificate) store.getCertificate(properties.keyAlias()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read key store " + file + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the bus key from " + file + ": " + e.getMessage(), e);
        }
    }

    /** EC P-256 with a self-signed certificate: fine for a demo; production brings its own key store. */
    static BusKey generate(String node) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=NIX bus " + node + " (generated),O=NIX National Information Exchange");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(GENERATED_VALIDITY)), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(CmsSignatures.BC)
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                            .setProvider(CmsSignatures.BC).build(pair.getPrivate())));
            return new BusKey(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot generate the bus signing key", e);
        }
    }

    /** Written beside, then moved into place: a crash never leaves half a key store. Owner-only where the file system allows. */
    static void write(BusKey key, Path file, SigningProperties properties) {
        char[] password = properties.keyStorePassword().toCharArray();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, password);
            store.setKeyEntry(properties.keyAlias(), key.privateKey(), password, new Certificate[] {key.certificate()});
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                store.store(out, password);
            }
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bus key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the bus key store " + file, e);
        }
    }
}
