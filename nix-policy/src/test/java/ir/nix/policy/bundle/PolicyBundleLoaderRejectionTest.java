package ir.nix.policy.bundle;

import ir.nix.policy.TestVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static ir.nix.policy.bundle.PolicyBundleLoader.AGENCIES;
import static ir.nix.policy.bundle.PolicyBundleLoader.GRANTS;
import static ir.nix.policy.bundle.PolicyBundleLoader.RESOLUTIONS;
import static ir.nix.policy.bundle.PolicyBundleLoader.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every kind of bundle error is rejected, naming the file and the line an operator has to fix. */
class PolicyBundleLoaderRejectionTest {

    @TempDir
    Path directory;

    /**
     * @param kind    what is wrong
     * @param file    the bundle file that gets {@code content}
     * @param content the whole file, with the mistake
     * @param marker  text on the line the rejection must name
     * @param message text the problem must contain
     */
    record Case(String kind, String file, String content, String marker, String message) {
        @Override
        public String toString() {
            return kind;
        }
    }

    static Stream<Case> mistakes() {
        return Stream.of(
                new Case("unknown consumer agency", GRANTS, moeShahkar("consumer: MOE", "consumer: XYZ"),
                        "consumer: XYZ", "unknown consumer agency 'XYZ'"),
                new Case("unknown provider agency", GRANTS, moeShahkar("provider: CRA", "provider: NOPE"),
                        "provider: NOPE", "unknown provider agency 'NOPE'"),
                new Case("unknown service", GRANTS, moeShahkar("service: shahkar", "service: weather"),
                        "service: weather", "unknown service 'weather'"),
                new Case("provider not the service's provider", GRANTS, moeShahkar("provider: CRA", "provider: POST"),
                        "provider: POST", "service 'shahkar' is provided by 'CRA', not 'POST'"),
                new Case("unknown data item", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems:\n      - matched\n      - mobile"), "- mobile", "unknown data item 'mobile'"),
                new Case("unknown resolution", GRANTS, moeShahkar("resolution: WG-26/1400-08-18",
                        "resolution: WG-99/1401-01-01"), "resolution: WG-99", "unknown resolution 'WG-99/1401-01-01'"),
                new Case("overlapping grants", GRANTS, moeShahkar("", "")
                        + BundleDirectory.grant("moe-shahkar-again", "MOE", "shahkar", "CRA", "[matched]",
                                "validFrom: 2022-01-01"),
                        "id: moe-shahkar-again", "grant 'moe-shahkar-again' overlaps grant 'moe-shahkar'"),
                new Case("malformed ISO date", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    validFrom: 2021-13-01"), "validFrom", "malformed date '2021-13-01'"),
                new Case("Jalali date as ISO", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    validUntil: 1400/08/18"), "validUntil", "malformed date '1400/08/18'"),
                new Case("validity ending before it starts", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    validFrom: 2022-05-01\n    validUntil: 2022-04-30"), "validUntil",
                        "'validUntil' 2022-04-30 is before 'validFrom' 2022-05-01"),
                new Case("malformed Jalali date", RESOLUTIONS, BundleDirectory.RESOLUTIONS.replace("date: 1400/08/18",
                        "date: 1400/07/31"), "date: 1400/07/31", "malformed Jalali date"),
                new Case("misspelt key", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    validUntill: 2022-01-01"), "validUntill", "unknown key 'validUntill'"),
                new Case("duplicate grant id", GRANTS, moeShahkar("", "") + """
                          - id: moe-shahkar   # again
                            resolution: WG-26/1400-08-18
                            consumer: IRCS
                            service: postal-address
                            provider: POST
                            dataItems: [city]
                        """, "# again", "grant 'moe-shahkar' is defined twice"),
                new Case("duplicate key", GRANTS, moeShahkar("provider: CRA", "provider: CRA\n    consumer: IRCS"),
                        "consumer: IRCS", "duplicate key 'consumer'"),
                new Case("missing field", GRANTS, moeShahkar("    service: shahkar\n", ""), "id: moe-shahkar",
                        "missing 'service'"),
                new Case("unknown condition type", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    conditions:\n      - type: weekday-only"), "type: weekday-only",
                        "unknown condition type 'weekday-only'"),
                new Case("condition without its input field", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    conditions:\n      - type: enterprise-subject-to-transfer"),
                        "type: enterprise-subject-to-transfer", "missing 'inputField'"),
                new Case("quota not a number", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    quota:\n      perSecond: fast"), "perSecond: fast",
                        "'perSecond' must be a whole number"),
                new Case("revoked not a boolean", GRANTS, moeShahkar("dataItems: [matched]",
                        "dataItems: [matched]\n    revoked: maybe"), "revoked: maybe", "'revoked' must be true or false"),
                new Case("invalid YAML", GRANTS, moeShahkar("    service: shahkar", "   service: shahkar"),
                        "service: shahkar", "not valid YAML"),
                new Case("duplicate agency", AGENCIES, BundleDirectory.AGENCIES + """
                          - code: MOE   # again
                            name: {fa: وزارت نیرو, en: Ministry of Energy}
                        """, "# again", "agency 'MOE' is defined twice"),
                new Case("unknown service cluster", AGENCIES, BundleDirectory.AGENCIES.replace("clusters: [energy]",
                        "clusters: [power]"), "clusters: [power]", "unknown service cluster 'power'"),
                new Case("declared service of an unknown provider", SERVICES, """
                        services:
                          - code: skill-certificate
                            provider: TVTO2
                            dataItems: [authentic]
                        """, "provider: TVTO2", "unknown provider agency 'TVTO2'"),
                new Case("declaration disagreeing with the bus", SERVICES, """
                        services:
                          - code: shahkar
                            provider: POST
                            dataItems: [matched]
                        """, "provider: POST", "the bus offers service 'shahkar' from provider 'CRA', not 'POST'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void rejectsBundleNamingFileAndLine(Case mistake) {
        BundleDirectory bundle = BundleDirectory.minimal(directory).write(mistake.file(), mistake.content());
        int line = BundleDirectory.lineOf(mistake.content(), mistake.marker());

        assertThatThrownBy(() -> load(bundle))
                .isInstanceOfSatisfying(BundleRejected.class, rejected -> assertThat(rejected.problems())
                        .anySatisfy(problem -> {
                            assertThat(problem.file()).isEqualTo(mistake.file());
                            assertThat(problem.line()).isEqualTo(line);
                            assertThat(problem.message()).contains(mistake.message());
                        }))
                .hasMessageContaining(mistake.file() + " line " + line + ": ");
    }

    @Test
    void rejectsBundleWithoutARequiredFile() {
        BundleDirectory bundle = BundleDirectory.minimal(directory).delete(RESOLUTIONS);

        assertThatThrownBy(() -> load(bundle))
                .isInstanceOfSatisfying(BundleRejected.class, rejected -> assertThat(rejected.problems())
                        .singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.file()).isEqualTo(RESOLUTIONS);
                            assertThat(problem.message()).startsWith("missing from the bundle");
                        }));
    }

    @Test
    void reportsEveryProblemInOneRejection() {
        BundleDirectory bundle = BundleDirectory.minimal(directory)
                .write(GRANTS, BundleDirectory.GRANTS.replace("consumer: MOE", "consumer: XYZ")
                        .replace("dataItems: [province, city]", "dataItems: [province, planet]"));

        assertThatThrownBy(() -> load(bundle))
                .isInstanceOfSatisfying(BundleRejected.class, rejected -> assertThat(rejected.problems())
                        .extracting(BundleProblem::message)
                        .containsExactly("unknown consumer agency 'XYZ'",
                                "unknown data item 'planet' of service 'postal-address'"));
    }

    /** The minimal bundle's first grant alone, with one text replaced. */
    private static String moeShahkar(String target, String replacement) {
        String grant = BundleDirectory.GRANTS.substring(0, BundleDirectory.GRANTS.indexOf("  - id: ircs-postal-address"));
        return target.isEmpty() ? grant : grant.replace(target, replacement);
    }

    private static PolicyBundle load(BundleDirectory bundle) {
        return new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, false).load(bundle.location());
    }
}
