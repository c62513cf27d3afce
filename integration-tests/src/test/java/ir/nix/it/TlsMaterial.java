package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.signing.CertificatePem;
import ir.nix.deploy.cli.NixCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * TLS material for tests, made the two ways an operator would: with the bus's own PKI tool
 * ({@code nix-bus pki …}, run in-process) and with the {@code openssl} command line. Also makes HTTP
 * clients that present a given certificate and trust the bus's CA.
 */
final class TlsMaterial {

    private TlsMaterial() {
    }

    /** Runs {@code nix-bus pki <command> --dir dir …} and requires it to succeed. */
    static String pki(Path dir, String command, String... args) {
        List<String> all = new ArrayList<>(List.of("pki", command, "--dir", dir.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NixCli.execute(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        assertThat(code).as("pki %s: %s", command, err).isZero();
        return out.toString();
    }

    /** A bus identifying by certificate and serving TLS from the PKI tool's files in {@code pki}. */
    static void servedFrom(org.springframework.test.context.DynamicPropertyRegistry registry, Path pki) {
        registry.add("nix.identification.mode", () -> "certificate");
        registry.add("nix.tls.certificate", () -> pki.resolve("server.crt.pem").toString());
        registry.add("nix.tls.private-key", () -> pki.resolve("server.key.pem").toString());
        registry.add("nix.tls.trusted-cas", () -> pki.resolve("ca.crt.pem").toString());
        registry.add("nix.tls.certificate-registry", () -> pki.resolve("registry.yml").toString());
    }

    /** Runs openssl in {@code dir}, requiring exit 0; returns its standard output. */
    static String openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("openssl %s", command).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An EC P-256 key and a certificate for {@code subject} signed by the CA in {@code caCert}/{@code caKey}, by openssl. */
    static void opensslIssue(Path dir, String name, String subject, String caCert, String caKey, String... extra) {
        openssl(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", name + ".key.pem");
        openssl(dir, "req", "-new", "-key", name + ".key.pem", "-subj", subject, "-out", name + ".csr");
        List<String> x509 = new ArrayList<>(List.of("x509", "-req", "-in", name + ".csr", "-CA", caCert, "-CAkey", caKey,
                "-CAcreateserial", "-CAserial", name + ".srl", "-days", "30", "-out", name + ".crt.pem"));
        x509.addAll(List.of(extra));
        openssl(dir, x509.toArray(String[]::new));
    }

    /** A self-signed CA nobody told the bus about, by openssl. */
    static void opensslCa(Path dir, String name) {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                name + ".key.pem", "-out", name + ".crt.pem", "-subj", "/CN=" + name + "/O=Elsewhere", "-days", "30");
    }

    /** The SHA-256 fingerprint as openssl prints it: {@code BA:73:…}. */
    static String opensslFingerprint(Path dir, String certificate) {
        String line = openssl(dir, "x509", "-in", certificate, "-noout", "-fingerprint", "-sha256").strip();
        return line.substring(line.indexOf('=') + 1);
    }

    /** An HTTPS client trusting {@code ca} and presenting {@code chain}+{@code key}, or no certificate when null. */
    static HttpClient client(Path ca, Path chain, Path key) {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            if (chain != null) {
                keys.setKeyEntry("client", privateKey(key), new char[0], certificates(chain).toArray(Certificate[]::new));
            }
            keyManagers.init(keys, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trusting(ca), null);
            return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a TLS client from " + chain, e);
        }
    }

    /** The certificate a new TLS handshake with the bus on {@code port} presents (checked against {@code ca}). */
    static X509Certificate presentedCertificate(Path ca, int port) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trusting(ca), null);
            try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.startHandshake();
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("no TLS handshake with 127.0.0.1:" + port, e);
        }
    }

    private static javax.net.ssl.TrustManager[] trusting(Path ca) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificates(ca).get(0));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        return trustManagers.getTrustManagers();
    }

    static X509Certificate certificate(Path pem) {
        try {
            return certificates(pem).get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> certificates(Path pem) throws IOException {
        return CertificatePem.decodeAll(Files.readString(pem, StandardCharsets.US_ASCII));
    }

    private static PrivateKey privateKey(Path pem) throws IOException {
        try (PEMParser parser = new PEMParser(Files.newBufferedReader(pem, StandardCharsets.US_ASCII))) {
            return new JcaPEMKeyConverter().getPrivateKey((PrivateKeyInfo) parser.readObject());
        }
    }
}
