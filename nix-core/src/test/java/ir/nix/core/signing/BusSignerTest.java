package ir.nix.core.signing;

import ir.nix.core.node.NodeProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusSignerTest {

    private static final SigningProperties GENERATED = new SigningProperties(null, "nix-bus", "nix-bus");

    @TempDir
    Path dataDir;

    @Test
    void generatesAKeyOnceAndKeepsItAcrossRestarts() {
        BusSigner first = new BusSigner(GENERATED, new NodeProperties("nix-1", dataDir));
        first.afterSingletonsInstantiated();
        BusSigner afterRestart = new BusSigner(GENERATED, new NodeProperties("nix-1", dataDir));

        assertThat(dataDir.resolve(BusKey.GENERATED_FILE)).isRegularFile();
        assertThat(afterRestart.certificate()).isEqualTo(first.certificate());
        assertThat(first.certificate().getSubjectX500Principal().getName()).contains("nix-1");
    }

    @Test
    void signaturesVerifyAgainstItsCertificate() {
        BusSigner signer = new BusSigner(GENERATED, new NodeProperties("nix-1", dataDir));
        byte[] report = "service,consumer,count\nshahkar,MOE,3".getBytes(StandardCharsets.UTF_8);

        assertThat(CmsSignatures.verifyDetached(report, signer.signDetached(report), signer.certificate()).isValid()).isTrue();
    }

    @Test
    void usesTheConfiguredKeyStore() {
        BusKey operators = BusKey.generate("nix-prod");
        Path keyStore = dataDir.resolve("operator.p12");
        SigningProperties configured = new SigningProperties(keyStore, "s3cret", "bus");
        BusKey.write(operators, keyStore, configured);

        BusSigner signer = new BusSigner(configured, new NodeProperties("nix-1", dataDir));

        assertThat(signer.certificate()).isEqualTo(operators.certificate());
        assertThat(dataDir.resolve(BusKey.GENERATED_FILE)).doesNotExist();
    }

    @Test
    void refusesToStartWhenTheConfiguredKeyStoreIsMissing() {
        SigningProperties configured = new SigningProperties(dataDir.resolve("absent.p12"), "s3cret", "bus");

        assertThatThrownBy(() -> new BusSigner(configured, new NodeProperties("nix-1", dataDir)).afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not exist");
    }

    @Test
    void refusesToStartWhenTheAliasIsNotInTheKeyStore() {
        Path keyStore = dataDir.resolve("operator.p12");
        BusKey.write(BusKey.generate("nix-prod"), keyStore, new SigningProperties(keyStore, "s3cret", "bus"));

        assertThatThrownBy(() -> new BusSigner(new SigningProperties(keyStore, "s3cret", "other"), new NodeProperties("nix-1", dataDir))
                .afterSingletonsInstantiated())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'other'");
    }

    @Test
    void publishesTheCertificateAsPem() {
        BusSigner signer = new BusSigner(GENERATED, new NodeProperties("nix-1", dataDir));

        String pem = CertificatePem.encode(signer.certificate());

        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
        assertThat(CertificatePem.decode(pem)).isEqualTo(signer.certificate());
    }
}
