package ir.nix.policy.bundle;

import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.DenialReason;
import ir.nix.policy.GrantCondition;
import ir.nix.policy.TestVocabulary;
import ir.nix.policy.calendar.JalaliDate;
import ir.nix.policy.grant.GrantDecider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundle shipped with the bus says what the 26th session of the Working Group decided. */
class DefaultBundleTest {

    private static final Instant NOW = Instant.parse("2025-01-01T08:00:00Z");

    private static final PolicyBundle BUNDLE = load(false);
    private static final PolicyBundle WITH_DEMO = load(true);

    /**
     * @param otherConsumer an agency the resolution gave nothing of the kind
     */
    record SessionGrant(String consumer, String service, String provider, List<String> items, String otherConsumer) {
        @Override
        public String toString() {
            return consumer + " " + service + " from " + provider;
        }
    }

    static Stream<SessionGrant> twentySixthSession() {
        return Stream.of(
                new SessionGrant("IRCS", "postal-address", "POST", TestVocabulary.POSTAL_ADDRESS, "MOE"),
                new SessionGrant("IKRF", "skill-certificate", "TVTO",
                        List.of("certificateNumber", "occupation", "grade", "issueDate", "authentic"), "IRCS"),
                new SessionGrant("IKRF", "criminal-record-authenticity", "JUD",
                        List.of("certificateNumber", "issueDate", "authentic"), "IRCS"),
                new SessionGrant("IKRF", "last-degree", "MSRT",
                        List.of("degreeLevel", "fieldOfStudy", "institution", "graduationDate"), "IRCS"),
                new SessionGrant("IKRF", "student-status", "MSRT",
                        List.of("enrolled", "degreeLevel", "fieldOfStudy", "institution", "enrolmentDate"), "IRCS"),
                new SessionGrant("IKRF", "military-service-status", "POLICE",
                        List.of("status", "exemptionType", "cardIssueDate"), "IRCS"),
                new SessionGrant("MOE", "shahkar", "CRA", TestVocabulary.SHAHKAR, "IRCS"),
                new SessionGrant("IHIO", "shahkar", "CRA", TestVocabulary.SHAHKAR, "IKRF"),
                new SessionGrant("IPO", "insurance-list", "SSO", TestVocabulary.INSURANCE_LIST, "IKRF"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twentySixthSession")
    void permitsExactlyTheItemsTheResolutionGranted(SessionGrant grant) {
        Decision decision = GrantDecider.of(BUNDLE).decide(
                DecisionRequest.of(grant.consumer(), grant.service(), grant.provider(), NOW));

        assertThat(decision).isInstanceOfSatisfying(Decision.Permit.class, permit -> {
            assertThat(permit.dataItems()).containsExactlyInAnyOrderElementsOf(grant.items());
            assertThat(permit.resolutionRef()).isEqualTo("WG-26/1400-08-18");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twentySixthSession")
    void refusesTheSameServiceToAnotherConsumer(SessionGrant grant) {
        Decision decision = GrantDecider.of(WITH_DEMO).decide(
                DecisionRequest.of(grant.otherConsumer(), grant.service(), grant.provider(), NOW));

        assertThat(decision).isInstanceOfSatisfying(Decision.Deny.class,
                deny -> assertThat(deny.reason()).isEqualTo(DenialReason.NO_GRANT));
    }

    @Test
    void grantsTheInsuranceListOnlyForEnterprisesSubjectToTransfer() {
        Decision decision = GrantDecider.of(BUNDLE).decide(DecisionRequest.of("IPO", "insurance-list", "SSO", NOW));

        assertThat(decision).isInstanceOfSatisfying(Decision.Permit.class, permit -> assertThat(permit.conditions())
                .containsExactly(new GrantCondition.EnterpriseSubjectToTransfer("enterpriseNationalId")));
    }

    @Test
    void datesTheSessionGrantsFromTheLetterThatCommunicatedThem() {
        assertThat(BUNDLE.grants()).allSatisfy(grant -> {
            assertThat(grant.validFrom()).contains(LocalDate.of(2021, 11, 14));
            assertThat(grant.validUntil()).isEmpty();
        });
    }

    @Test
    void recordsThe26thSessionResolution() {
        Resolution resolution = BUNDLE.resolutions().get("WG-26/1400-08-18");

        assertThat(resolution.session()).hasValue(26);
        assertThat(resolution.date()).isEqualTo(new JalaliDate(1400, 8, 18));
        assertThat(resolution.letter()).contains(new Resolution.Letter("127551/200", new JalaliDate(1400, 8, 23)));
        assertThat(resolution.body()).startsWith("Government e-Interoperability Working Group");
        assertThat(resolution.demo()).isFalse();
    }

    @Test
    void namesAllFourteenAgenciesInPersianAndEnglish() {
        assertThat(BUNDLE.agencies()).containsOnlyKeys("CRA", "POST", "NOCR", "SSO", "IPO", "CBI", "MSRT", "IRCS",
                "IKRF", "MOE", "IHIO", "TVTO", "JUD", "POLICE");
        assertThat(BUNDLE.agencies().values()).allSatisfy(agency -> {
            assertThat(agency.nameFa()).matches(".*\\p{IsArabic}.*");
            assertThat(agency.nameEn()).isNotBlank();
            assertThat(agency.clusters()).isNotEmpty();
        });
    }

    @Test
    void declaresTheReliefFoundationServicesTheBusDoesNotOfferYet() {
        assertThat(BUNDLE.declaredServices()).containsOnlyKeys("skill-certificate", "criminal-record-authenticity",
                "last-degree", "student-status", "military-service-status");
    }

    @Test
    void hasNoDemoGrantUnlessAsked() {
        assertThat(BUNDLE.grants()).noneMatch(Grant::demo);
        assertThat(BUNDLE.grants()).hasSize(10);
    }

    @Test
    void marksEveryDemoGrantAndRestsItOnTheDemoResolution() {
        assertThat(WITH_DEMO.grants()).filteredOn(Grant::demo).isNotEmpty().allSatisfy(grant ->
                assertThat(WITH_DEMO.resolutions().get(grant.resolution()).demo()).isTrue());
    }

    @Test
    void letsThePrivatizationOrganizationInquireItsOwnList() {
        assertPermitted("IPO", "privatization-status", "IPO");
    }

    @Test
    void letsSocialSecurityCheckThePrivatizationListForTheInsuranceListCondition() {
        assertThat(BUNDLE.grants()).filteredOn(grant -> grant.consumer().equals("SSO"))
                .singleElement().satisfies(grant -> {
                    assertThat(grant.service()).isEqualTo("privatization-status");
                    assertThat(grant.resolution()).isEqualTo("WG-26/1400-08-18");
                    assertThat(grant.dataItems()).containsExactlyInAnyOrder("status", "lastExitDate");
                });
    }

    @Test
    void letsTheCentralBankInquireIdentityInTheDemo() {
        assertPermitted("CBI", "identity", "NOCR");
    }

    @Test
    void givesTheRedCrescentPostalAddressOnlyEvenInTheDemo() {
        assertThat(WITH_DEMO.grants()).filteredOn(grant -> grant.consumer().equals("IRCS"))
                .extracting(Grant::service).containsExactly("postal-address");
    }

    @Test
    void subscribesTwoDemoAgenciesToTheIdentityChangesAndNobodyWithoutDemoGrants() {
        assertThat(WITH_DEMO.subscribersOn("NOCR", "identity-changes", java.time.LocalDate.of(2026, 1, 1)))
                .extracting(Subscription::subscriber).containsExactly("CBI", "IHIO");
        assertThat(BUNDLE.subscriptions()).isEmpty();
    }

    @Test
    void identifiesTheShippedBundleStably() {
        assertThat(load(false).identity()).isEqualTo(BUNDLE.identity());
        assertThat(WITH_DEMO.identity().sha256()).isNotEqualTo(BUNDLE.identity().sha256());
    }

    private static void assertPermitted(String consumer, String service, String provider) {
        assertThat(GrantDecider.of(WITH_DEMO).decide(DecisionRequest.of(consumer, service, provider, NOW)))
                .isInstanceOf(Decision.Permit.class);
    }

    private static PolicyBundle load(boolean includeDemoGrants) {
        return new PolicyBundleLoader(TestVocabulary.BUS_SERVICES, TestVocabulary.BUS_FEEDS, includeDemoGrants).load(BundleLocation.DEFAULT);
    }
}
