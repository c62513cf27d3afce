package ir.nix.it;

import static ir.nix.it.TlsMaterial.pki;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prod profile refuses unsafe starts with one clear line each. Runs the packaged
 * {@code deploy/target/nix-bus.jar} as an operator would, with the documented environment variables.
 */
class ProductionStartTest {

    private static final Path JAR = Path.of("..", "deploy", "target", "nix-bus.jar").toAbsolutePath().normalize();

    @TempDir
    static Path pki;

    private record Exit(int code, String output) {
    }

    @BeforeAll
    static void makeMaterial() {
        pki(pki, "init-ca");
        pki(pki, "issue-server", "--host", "localhost");
        pki(pki, "issue-signing", "--password", "signing-pw");
    }

    private static Map<String, String> tls() {
        return Map.of("NIX_TLS_CERTIFICATE", pki.resolve("server.crt.pem").toString(),
                "NIX_TLS_PRIVATE_KEY", pki.resolve("server.key.pem").toString(),
                "NIX_TLS_TRUSTED_CAS", pki.resolve("ca.crt.pem").toString(),
                "NIX_CERTIFICATE_REGISTRY", pki.resolve("registry.yml").toString());
    }

    private static Map<String, String> signing() {
        return Map.of("NIX_SIGNING_KEY_STORE", pki.resolve("signing.p12").toString(),
                "NIX_SIGNING_KEY_STORE_PASSWORD", "signing-pw");
    }

    private static Exit start(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", JAR.toString(), "--spring.profiles.active=prod",
                "--server.port=0", "--nix.data-dir=" + pki.resolve("data")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("NIX_"));
        builder.environment().putAll(environment);
        Path console = Files.createTempFile(pki, "console", ".log");
        Process process = builder.redirectOutput(console.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the refused start ends on its own").isTrue();
        return new Exit(process.exitValue(), Files.readString(console, StandardCharsets.UTF_8));
    }

    private static void assertRefused(Exit exit, String line) {
        assertThat(exit.code()).isNotZero();
        assertThat(exit.output()).contains(line);
        assertThat(exit.output().lines().filter(text -> text.contains("prod refuses to start"))).hasSize(1);
        assertThat(exit.output()).doesNotContain("\tat org.springframework", "Exception:");
    }

    @Test
    void refusesToStartWithoutTlsMaterial() throws Exception {
        Exit exit = start(signing());

        assertRefused(exit, "prod refuses to start: no TLS material: set NIX_TLS_CERTIFICATE and NIX_TLS_PRIVATE_KEY");
    }

    @Test
    void refusesToStartWithHeaderIdentification() throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(tls());
        environment.putAll(signing());

        Exit exit = start(environment, "--nix.identification.mode=header");

        assertRefused(exit, "prod refuses to start: nix.identification.mode=header lets any caller name its agency");
    }

    @Test
    void refusesToStartWithTheGeneratedDemoSigningKey() throws Exception {
        Exit exit = start(tls());

        assertRefused(exit, "prod refuses to start: no bus signing key (nix.signing.key-store)");
    }
}
