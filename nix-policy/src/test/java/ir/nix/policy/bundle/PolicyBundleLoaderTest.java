package ir.nix.policy.bundle;

import ir.nix.policy.GrantCondition;
import ir.nix.policy.ServiceVocabulary.ServiceTerms;
import ir.nix.policy.TestVocabulary;
import ir.nix.policy.calendar.JalaliDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static ir.nix.policy.bundle.BundleDirectory.grant;
import static ir.nix.policy.bundle.PolicyBundleLoader.AGENCIES;
import static ir.nix.policy.bundle.PolicyBundleLoader.BUNDLE;
import static ir.nix.policy.bundle.PolicyBundleLoader.DEMO_GRANTS;
import static ir.nix.policy.bundle.PolicyBundleLoader.GRANTS;
import static ir.nix.policy.bundle.PolicyBundleLoader.RESOLUTIONS;
import static ir.nix.policy.bundle.PolicyBundleLoader.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyBundleLoaderTest {

    private static final String DEMO = """
            resolutions:
              - id: NIX-DEMO/1404-01-01
                body: NIX demo
                date: 1404/01/01
            grants:
              - id: demo-moe-postal-address
                resolution: NIX-DEMO/1404-01-01
                consumer: MOE
                service: postal-address
                provider: POST
                dataItems: [city]
            """;

    private static final String SKILL_CERTIFICATE = """
            services:
              - code: skill-certificate
                provider: TVTO
                dataItems: [certificateNumber, authentic]
            """;

    @TempDir
    Path directory;

    @Test
    void readsGrantsWithEveryField() {
        BundleDirectory bundle = BundleDirectory.minimal(directory).write(GRANTS, """
                grants:
                  - id: ipo-insurance-list
                    resolution: WG-26/1400-08-18
                    consumer: IPO
                    service: insurance-list
                    provider: SSO
                    dataItems: [persons.firstName, persons.daysWorked]
                    validFrom: 2021-11-14
                    validUntil: 2031-11-13
                    revoked: false
                    quota: {perSecond: 10, perDay: 5000}
                    purpose: Supervision of enterprises in transfer
                    conditions:
                      - type: enterprise-subject-to-transfer
                        inputField: enterpriseNationalId
                    onBehalfOf: [IPO-SUPERVISION]
                """);

        Grant grant = load(bundle).grants().get(0);

        assertThat(grant).isEqualTo(new Grant("ipo-insurance-list", "WG-26/1400-08-18", "IPO", "insurance-list", "SSO",
                Set.of("persons.firstName", "persons.daysWorked"), Optional.of(LocalDate.of(2021, 11, 14)),
                Optional.of(LocalDate.of(2031, 11, 13)), false,
                new Quota(OptionalInt.of(10), OptionalLong.of(5000)),
                "Supervision of enterprises in transfer",
                List.of(new GrantCondition.EnterpriseSubjectToTransfer("enterpriseNationalId")),
                Set.of("IPO-SUPERVISION"), false));
    }

    @Test
    void keepsDataItemsInBundleOrder() {
        BundleDirectory bundle = BundleDirectory.minimal(directory);

        assertThat(load(bundle).grants().get(1).dataItems()).containsExactly("province", "city");
    }

    @Test
    void readsResolutionWithJalaliDates() {
        Resolution resolution = load(BundleDirectory.minimal(directory)).resolutions().get("WG-26/1400-08-18");

        assertThat(resolution.session()).hasValue(26);
        assertThat(resolution.date().toLocalDate()).isEqualTo(LocalDate.of(2021, 11, 9));
        assertThat(resolution.letter()).contains(new Resolution.Letter("127551/200", new JalaliDate(1400, 8, 23)));
    }

    @Test
    void acceptsSuccessiveGrantsForTheSameConsumerAndService() {
        BundleDirectory bundle = BundleDirectory.minimal(directory).write(GRANTS, "grants:\n"
                + grant("moe-shahkar-1", "MOE", "shahkar", "CRA", "[matched]", "validUntil: 2023-03-20")
                + grant("moe-shahkar-2", "MOE", "shahkar", "CRA", "[matched]", "validFrom: 2023-03-21"));

        assertThat(load(bundle).grants()).extracting(Grant::id).containsExactly("moe-shahkar-1", "moe-shahkar-2");
    }

    @Test
    void acceptsReplacementOfARevokedGrantForTheSamePeriod() {
        BundleDirectory bundle = BundleDirectory.minimal(directory).append(GRANTS,
                grant("moe-shahkar-revoked", "MOE", "shahkar", "CRA", "[matched]", "revoked: true"));

        assertThat(load(bundle).grants()).extracting(Grant::id).contains("moe-shahkar", "moe-shahkar-revoked");
    }

    @Test
    void identifiesBundleByVersionAndSha256OfTheSha256sumManifest() throws Exception {
        BundleDirectory bundle = BundleDirectory.minimal(directory);
        StringBuilder manifest = new StringBuilder();
        for (String file : List.of(BUNDLE, AGENCIES, RESOLUTIONS, GRANTS)) {
            manifest.append(sha256(Files.readAllBytes(directory.resolve(file)))).append("  ").append(file).append('\n');
        }

        PolicyBundle loaded = load(bundle);

        assertThat(loaded.identity().version()).isEqualTo("test-1");
        assertThat(loaded.identity().sha256()).isEqualTo(sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({BUNDLE, AGENCIES, RESOLUTIONS, GRANTS})
    void changesHashWhenAnyFileChanges(String file) {
        BundleDirectory bundle = BundleDirectory.minimal(directory);
        String before = load(bundle).identity().sha256();

        bundle.append(file, "# reviewed\n");

        assertThat(load(bundle).identity().sha256()).isNotEqualTo(before);
    }

    @Test
    void leavesDemoGrantsOutUnlessIncluded() {
        BundleDirectory bundle = BundleDirectory.minimal(directory);
        String withoutDemoFile = load(bundle).identity().sha256();
        bundle.write(DEMO_GRANTS, DEMO);

        PolicyBundle withoutDemo = load(bundle);

        assertThat(withoutDemo.grants()).extracting(Grant::id).doesNotContain("demo-moe-postal-address");
        assertThat(withoutDemo.resolutions()).doesNotContainKey("NIX-DEMO/1404-01-01");
        assertThat(withoutDemo.identity().sha256()).isEqualTo(withoutDemoFile);
    }

    @Test
    void includesDemoGrantsMarkedAsDemoWhenAsked() {
        BundleDirectory bundle = BundleDirectory.minimal(directory).write(DEMO_GRANTS, DEMO);

        PolicyBundle withDemo = new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, TestVocabulary.BUS_FEEDS, true).load(bundle.location());

        assertThat(withDemo.grants()).filteredOn(Grant::demo).extracting(Grant::id)
                .containsExactly("demo-moe-postal-address");
        assertThat(withDemo.resolutions().get("NIX-DEMO/1404-01-01").demo()).isTrue();
    }

    @Test
    void validatesGrantsOfDeclaredServicesAgainstTheDeclaration() {
        BundleDirectory bundle = grantingSkillCertificate("authentic");

        PolicyBundle loaded = load(bundle);

        assertThat(loaded.declaredServices()).containsKey("skill-certificate");
        assertThat(loaded.grants()).extracting(Grant::service).contains("skill-certificate");
    }

    @Test
    void rejectsItemsADeclaredServiceDoesNotHave() {
        BundleDirectory bundle = grantingSkillCertificate("grade");

        assertThatThrownBy(() -> load(bundle)).isInstanceOf(BundleRejected.class)
                .hasMessageContaining("unknown data item 'grade' of service 'skill-certificate'");
    }

    /** A bundle that declares service skill-certificate and grants MOE its {@code dataItems} (comma-separated). */
    private BundleDirectory grantingSkillCertificate(String dataItems) {
        return BundleDirectory.minimal(directory).write(SERVICES, SKILL_CERTIFICATE).append(GRANTS,
                grant("moe-skill-certificate", "MOE", "skill-certificate", "TVTO", "[" + dataItems + "]"));
    }

    @Test
    void validatesAgainstTheBusOnceItOffersADeclaredService() {
        BundleDirectory bundle = BundleDirectory.minimal(directory).write(SERVICES, SKILL_CERTIFICATE);
        TestVocabulary busOffersIt = TestVocabulary.BUS_SERVICES.with(
                new ServiceTerms("skill-certificate", "TVTO", Set.of("certificateNumber")));

        assertThatThrownBy(() -> new PolicyBundleLoader(busOffersIt, false).load(bundle.location()))
                .isInstanceOf(BundleRejected.class)
                .hasMessageContaining("the bus offers service 'skill-certificate' without data item 'authentic'");
    }

    @ParameterizedTest
    @CsvSource({"history.entryDate", "history"})
    void grantsWholeNestedElementsByTheirContainerName(String vocabularyItem) {
        BundleDirectory bundle = BundleDirectory.minimal(directory).append(GRANTS,
                grant("ipo-privatization-status", "IPO", "privatization-status", "IPO", "[status, history]"));
        TestVocabulary vocabulary = TestVocabulary.BUS_SERVICES.with(
                new ServiceTerms("privatization-status", "IPO", Set.of("status", vocabularyItem)));

        PolicyBundle loaded = new PolicyBundleLoader(vocabulary, false).load(bundle.location());

        assertThat(loaded.grants()).extracting(Grant::id).contains("ipo-privatization-status");
    }

    @Test
    void readsABundleFromTheClasspath() {
        PolicyBundle bundle = new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, false).load(BundleLocation.DEFAULT);

        assertThat(bundle.grants()).isNotEmpty();
    }

    @Test
    void rejectsAClasspathLocationWithoutABundle() {
        PolicyBundleLoader loader = new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, false);

        assertThatThrownBy(() -> loader.load(BundleLocation.parse("classpath:ir/nix/policy/bundle/none")))
                .isInstanceOfSatisfying(BundleRejected.class, rejected -> assertThat(rejected.problems())
                        .extracting(BundleProblem::file)
                        .containsExactly(BUNDLE, AGENCIES, RESOLUTIONS, GRANTS));
    }

    private static PolicyBundle load(BundleDirectory bundle) {
        return new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, false).load(bundle.location());
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
