package ir.nix.core.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.signing.Fingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry file: every usual fingerprint notation, and a malformed entry named, never skipped. */
class CertificateRegistryTest {

    private static final String HEX = "ba73c1f4d1e2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {HEX, "BA73C1F4D1E2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C",
            "BA:73:C1:F4:D1:E2:A3:B4:C5:D6:E7:F8:09:1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09:1A:2B:3C",
            "ba:73:c1:f4:d1:e2:a3:b4:c5:d6:e7:f8:09:1a:2b:3c:4d:5e:6f:70:81:92:a3:b4:c5:d6:e7:f8:09:1a:2b:3c",
            "sha256 Fingerprint=BA:73:C1:F4:D1:E2:A3:B4:C5:D6:E7:F8:09:1A:2B:3C:4D:5E:6F:70:81:92:A3:B4:C5:D6:E7:F8:09:1A:2B:3C"})
    void readsEveryUsualFingerprintNotationAsTheSameFingerprint(String notation) {
        assertThat(Fingerprint.parse(notation)).contains(new Fingerprint(HEX));
    }

    @Test
    void printsTheOpensslNotation() {
        assertThat(new Fingerprint(HEX).colons()).startsWith("BA:73:C1").hasSize(95);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "- {name: a, agency: MOE, role: OPERATOR, fingerprint: " + HEX + "} | entry 1 (a): give exactly one of agency or role",
            "- {name: b, agency: moe, fingerprint: " + HEX + "} | entry 1 (b): agency is not an agency code",
            "- {name: c, role: ROOT, fingerprint: " + HEX + "} | entry 1 (c): role must be one of",
            "- {name: d, agency: MOE, fingerprint: 'BA:73'} | entry 1 (d): fingerprint is not a SHA-256 fingerprint",
            "- {name: e, agency: MOE, issuer: 'CN=CA', serial: xyz} | entry 1 (e): serial is not a hex number",
            "- {name: f, agency: MOE, serial: '0A'} | entry 1 (f): name the certificate by issuer and serial, or by fingerprint",
            "- {name: g, agency: MOE, fingerprnt: " + HEX + "} | not valid YAML of the registry's shape"})
    void rejectsAMalformedEntryNamingIt(String entry, String message) throws IOException {
        Path file = dir.resolve("registry.yml");
        Files.writeString(file, "certificates:\n  " + entry + "\n");

        assertThatThrownBy(() -> CertificateRegistry.read(file)).isInstanceOf(RegistryRejected.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(message);
    }

    @Test
    void rejectsTheSameCertificateRegisteredTwice() {
        List<RegistryEntry> twice = List.of(new RegistryEntry("a", "MOE", null, null, null, HEX),
                new RegistryEntry("b", "SSO", null, null, null, new Fingerprint(HEX).colons()));

        assertThatThrownBy(() -> CertificateRegistry.of(twice, "test")).hasMessageContaining("entry 2 (b): the same certificate");
    }

    @Test
    void writesWhatItReads() throws IOException {
        Path file = dir.resolve("registry.yml");
        List<RegistryEntry> entries = List.of(new RegistryEntry("MOE", "MOE", null, "CN=NIX CA,O=NIX", "0A:1B", null),
                new RegistryEntry("scraper", null, "METRICS", null, null, HEX));

        CertificateRegistry.write(file, entries, "# registry\n");

        assertThat(CertificateRegistry.read(file).entries()).isEqualTo(entries);
    }
}
