package ir.nix.deploy.cli.pki;

import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.identification.RegistryEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import ir.nix.core.signing.CertificatePem;

/**
 * The PKI tool's directory, laid out as the operator contract states (docs/operators.md):
 * {@code ca.crt.pem}, {@code ca.key.pem}, {@code server.crt.pem}, {@code server.key.pem},
 * {@code signing.p12}, {@code issued/<name>.crt.pem|.key.pem|.p12}, {@code registry.yml} and
 * {@code crl.pem}. Every file written is reported on {@code out}; keys are written owner-readable only.
 */
record PkiDirectory(Path dir, PrintWriter out) {

    static final String CA_CERTIFICATE = "ca.crt.pem";
    static final String CA_KEY = "ca.key.pem";
    static final String SERVER_CERTIFICATE = "server.crt.pem";
    static final String SERVER_KEY = "server.key.pem";
    static final String SIGNING = "signing.p12";
    static final String ISSUED = "issued";
    static final String REGISTRY = "registry.yml";
    static final String CRL = "crl.pem";
    static final String REGISTRY_HEADER = "# NIX certificate registry (NIX_CERTIFICATE_REGISTRY), kept by 'nix-bus pki issue' and 'pki revoke'.\n"
            + "# Each entry names a certificate by issuer + serial (hex) or by SHA-256 fingerprint, and an agency or a role.\n";

    Path file(String name) {
        return dir.resolve(name);
    }

    Path issued(String name, String suffix) {
        return dir.resolve(ISSUED).resolve(name + suffix);
    }

    boolean exists(String name) {
        return Files.exists(file(name));
    }

    CertificateAuthority ca() throws IOException {
        if (!exists(CA_CERTIFICATE) || !exists(CA_KEY)) {
            throw new IOException(dir + " holds no CA: run 'pki init-ca --dir " + dir + "' first");
        }
        X509Certificate certificate = CertificatePem.decode(Files.readString(file(CA_CERTIFICATE), StandardCharsets.US_ASCII));
        return new CertificateAuthority(new CertificateAuthority.Issued(certificate, readKey(file(CA_KEY))));
    }

    void writeCertificates(Path file, List<X509Certificate> chain) throws IOException {
        StringBuilder pem = new StringBuilder();
        chain.forEach(certificate -> pem.append(CertificatePem.encode(certificate)));
        write(file, pem.toString().getBytes(StandardCharsets.US_ASCII), false);
    }

    void writeKey(Path file, PrivateKey key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            // PKCS#8 ("BEGIN PRIVATE KEY"): what Tomcat, curl, openssl and the JDK all read.
            pem.writeObject(new JcaPKCS8Generator(key, null));
        }
        write(file, text.toString().getBytes(StandardCharsets.US_ASCII), true);
    }

    void writeKeyStore(Path file, String alias, PrivateKey key, List<X509Certificate> chain, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
        try (var bytes = new java.io.ByteArrayOutputStream()) {
            store.store(bytes, password);
            write(file, bytes.toByteArray(), true);
        }
    }

    void writeCrl(X509CRL crl) throws IOException, GeneralSecurityException {
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(crl.getEncoded());
        write(file(CRL), ("-----BEGIN X509 CRL-----\n" + base64 + "\n-----END X509 CRL-----\n").getBytes(StandardCharsets.US_ASCII),
                false);
    }

    Optional<X509CRL> crl() throws IOException, GeneralSecurityException {
        if (!exists(CRL)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file(CRL))) {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
        }
    }

    List<RegistryEntry> registry() {
        return exists(REGISTRY) ? new ArrayList<>(CertificateRegistry.read(file(REGISTRY)).entries()) : new ArrayList<>();
    }

    void writeRegistry(List<RegistryEntry> entries) throws IOException {
        Files.createDirectories(dir);
        CertificateRegistry.write(file(REGISTRY), entries, REGISTRY_HEADER);
        out.println("wrote " + file(REGISTRY) + " (" + entries.size() + " entries)");
    }

    private void write(Path file, byte[] content, boolean secret) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try (OutputStream stream = Files.newOutputStream(partial)) {
            stream.write(content);
        }
        if (secret) {
            ownerOnly(partial);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        out.println("wrote " + file);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the directory's ACL decides.
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(file, StandardCharsets.US_ASCII))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IOException(file + " holds no unencrypted private key");
        } catch (UncheckedIOException wrapped) {
            throw wrapped.getCause();
        }
    }
}
