package ir.nix.deploy.cli.pki;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.signing.CertificatePem;
import ir.nix.deploy.cli.CliRun;
import ir.nix.deploy.cli.NixCli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PKI tool's contract: the directory layout, what each command prints, and material openssl accepts. */
class PkiCommandTest {

    @TempDir
    Path dir;

    private CliRun pki(String... args) {
        List<String> all = new ArrayList<>(List.of("pki"));
        all.add(args[0]);
        all.addAll(List.of("--dir", dir.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void helpListsTheCommandsInsteadOfStartingABus() {
        assertThat(NixCli.handles(new String[] {"--help"})).isTrue();
        assertThat(NixCli.handles(new String[] {"help"})).isTrue();
        assertThat(NixCli.handles(new String[] {"pki", "init-ca"})).isTrue();

        CliRun help = CliRun.of("--help");
        CliRun helpCommand = CliRun.of("help");
        CliRun pkiHelp = CliRun.of("pki", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("pki", "verify", "verify-report", "help");
        assertThat(helpCommand.out()).isEqualTo(help.out());
        assertThat(pkiHelp.out()).contains("init-ca", "issue-server", "issue", "revoke", "issue-signing");
    }

    @Test
    void writesTheDocumentedLayoutAndSaysWhatItWrote() throws Exception {
        CliRun ca = pki("init-ca", "--name", "CN=Test CA,O=NIX,C=IR");
        CliRun server = pki("issue-server", "--host", "localhost,127.0.0.1");
        CliRun agency = pki("issue", "--agency", "MOE", "--password", "secret");
        CliRun person = pki("issue", "--person", "ali.rezaei", "--role", "OPERATOR");
        CliRun signing = pki("issue-signing", "--password", "pw");

        assertThat(List.of(ca, server, agency, person, signing)).allSatisfy(run -> assertThat(run.code()).as(run.err()).isZero());
        assertThat(ca.out()).contains("wrote " + dir.resolve("ca.crt.pem"), "wrote " + dir.resolve("ca.key.pem"),
                "wrote " + dir.resolve("crl.pem"), "wrote " + dir.resolve("registry.yml"));
        assertThat(server.out()).contains("wrote " + dir.resolve("server.crt.pem"), "wrote " + dir.resolve("server.key.pem"));
        assertThat(agency.out()).contains("issued/MOE.crt.pem", "issued/MOE.key.pem", "issued/MOE.p12", "registry.yml");
        assertThat(person.out()).contains("issued/ali.rezaei.p12", "password of");
        assertThat(signing.out()).contains("wrote " + dir.resolve("signing.p12"));

        CertificateRegistry registry = CertificateRegistry.read(dir.resolve("registry.yml"));
        X509Certificate moe = certificate("issued/MOE.crt.pem");
        assertThat(registry.find(moe).orElseThrow().agency().orElseThrow().value()).isEqualTo("MOE");
        assertThat(registry.find(certificate("issued/ali.rezaei.crt.pem")).orElseThrow().role()).contains("OPERATOR");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("signing.p12"))) {
            store.load(in, "pw".toCharArray());
        }
        assertThat(store.isKeyEntry("nix-bus")).isTrue();
    }

    @Test
    void opensslAcceptsTheCertificatesAndTheCrlAndSeesTheRevocation() throws Exception {
        pki("init-ca");
        pki("issue-server", "--host", "localhost");
        pki("issue", "--agency", "MOE");
        pki("issue", "--agency", "SSO");
        String ca = dir.resolve("ca.crt.pem").toString();

        assertThat(openssl("verify", "-CAfile", ca, dir.resolve("server.crt.pem").toString())).contains(": OK");
        assertThat(openssl("verify", "-CAfile", ca, "-purpose", "sslclient", dir.resolve("issued/MOE.crt.pem").toString()))
                .contains(": OK");
        assertThat(openssl("pkcs12", "-in", dir.resolve("issued/SSO.p12").toString(), "-noout", "-passin", "pass:wrong"))
                .doesNotContain("MAC verified OK");

        CliRun revoked = pki("revoke", "--name", "MOE");

        assertThat(revoked.code()).as(revoked.err()).isZero();
        assertThat(revoked.out()).contains("wrote " + dir.resolve("crl.pem"), "registry.yml", "revoked serial");
        assertThat(openssl("crl", "-in", dir.resolve("crl.pem").toString(), "-CAfile", ca, "-noout")).contains("verify OK");
        Path revokedFile = Files.list(dir.resolve("issued")).filter(file -> file.getFileName().toString().startsWith("MOE.revoked-"))
                .findFirst().orElseThrow();
        String moe = revokedFile.toString();
        assertThat(openssl("verify", "-CAfile", ca, "-crl_check", "-CRLfile", dir.resolve("crl.pem").toString(), moe))
                .contains("certificate revoked");
        assertThat(openssl("verify", "-CAfile", ca, "-crl_check", "-CRLfile", dir.resolve("crl.pem").toString(),
                dir.resolve("issued/SSO.crt.pem").toString())).contains(": OK");
        assertThat(CertificateRegistry.read(dir.resolve("registry.yml")).entries())
                .extracting(entry -> entry.name()).containsExactly("SSO");
    }

    @Test
    void refusesToOverwriteTheCaOrToIssueWithoutOne() {
        assertThat(pki("issue", "--agency", "MOE").code()).isNotZero();
        pki("init-ca");

        CliRun again = pki("init-ca");

        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("never overwritten");
        assertThat(pki("issue", "--agency", "moe").err()).contains("--agency");
        assertThat(pki("issue", "--person", "x").err()).contains("--role");
    }

    private X509Certificate certificate(String file) throws IOException {
        return CertificatePem.decode(Files.readString(dir.resolve(file), StandardCharsets.US_ASCII));
    }

    /** Runs openssl, returning its merged output. */
    static String openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
