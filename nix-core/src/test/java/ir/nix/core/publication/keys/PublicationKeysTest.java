package ir.nix.core.publication.keys;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicationKeysTest {

    private static final String MASTER = Base64.getEncoder().encodeToString(
            "a test master key of thirty-two bytes or more".getBytes(StandardCharsets.US_ASCII));
    private static final AgencyCode CBI = new AgencyCode("CBI");
    private static final AgencyCode IHIO = new AgencyCode("IHIO");
    private static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    private static final String CODE = "0068421311";

    @TempDir
    Path directory;

    @Test
    void givesTwoSubscribersDifferentTokensForOnePerson() {
        PublicationKeys keys = keys();
        keys.issue(CBI, NOW);
        keys.issue(IHIO, NOW);

        String bank = keys.keysFor(CBI, NOW).orElseThrow().current().token(CODE);
        String insurer = keys.keysFor(IHIO, NOW).orElseThrow().current().token(CODE);

        assertThat(bank).isNotEqualTo(insurer).hasSize(64).doesNotContain(CODE);
    }

    @Test
    void issuesAKeyWithWhichTheSubscriberComputesTheSameToken() throws Exception {
        KeyOutcome.Issued issued = (KeyOutcome.Issued) keys().issue(CBI, NOW);

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getUrlDecoder().decode(issued.key()), "HmacSHA256"));
        String computed = HexFormat.of().formatHex(mac.doFinal(CODE.getBytes(StandardCharsets.US_ASCII)));

        assertThat(keys().keysFor(CBI, NOW).orElseThrow().current().token(CODE)).isEqualTo(computed);
    }

    @Test
    void keepsOnlyVersionsAndDatesInTheRegistry() throws Exception {
        KeyOutcome.Issued issued = (KeyOutcome.Issued) keys().issue(CBI, NOW);

        String registry = Files.readString(directory.resolve("keys.txt"));

        assertThat(registry).contains("CBI 1 2026-06-01T08:00:00Z").doesNotContain(issued.key());
    }

    @Test
    void usesThePreviousVersionBesideTheNewOneDuringTheOverlapOnly() {
        PublicationKeys keys = keys();
        keys.issue(CBI, NOW);
        KeyOutcome.Issued rotated = (KeyOutcome.Issued) keys.rotate(CBI, NOW.plus(Duration.ofDays(90)));

        ActiveKeys during = keys.keysFor(CBI, NOW.plus(Duration.ofDays(91))).orElseThrow();
        ActiveKeys after = keys.keysFor(CBI, NOW.plus(Duration.ofDays(90 + 14))).orElseThrow();

        assertThat(rotated.version()).isEqualTo(2);
        assertThat(rotated.previousAcceptedUntil()).contains(NOW.plus(Duration.ofDays(104)));
        assertThat(during.current().version()).isEqualTo(2);
        assertThat(during.previous()).map(SubscriberKey::version).contains(1);
        assertThat(during.current().token(CODE)).isNotEqualTo(during.previous().orElseThrow().token(CODE));
        assertThat(after.previous()).isEmpty();
    }

    @Test
    void refusesASecondIssueARotationWithoutKeyAndAnyKeyWithoutMasterKey() {
        PublicationKeys keys = keys();
        keys.issue(CBI, NOW);

        assertThat(keys.issue(CBI, NOW)).isInstanceOf(KeyOutcome.Refused.class);
        assertThat(keys.rotate(IHIO, NOW)).isInstanceOf(KeyOutcome.Refused.class);
        PublicationKeys withoutMaster = new PublicationKeys(Optional.empty(), directory.resolve("keys.txt"), Duration.ofDays(14));
        assertThat(withoutMaster.issue(IHIO, NOW)).isInstanceOf(KeyOutcome.Refused.class);
        assertThat(withoutMaster.keysFor(CBI, NOW)).isEmpty();
    }

    @Test
    void derivesTheSameKeysOnEveryNodeFromTheMasterKeyAndRegistry() {
        keys().issue(CBI, NOW);

        assertThat(keys().keysFor(CBI, NOW).orElseThrow().current().token(CODE))
                .isEqualTo(keys().keysFor(CBI, NOW).orElseThrow().current().token(CODE));
    }

    private PublicationKeys keys() {
        return new PublicationKeys(Optional.of(MASTER), directory.resolve("keys.txt"), Duration.ofDays(14));
    }
}
