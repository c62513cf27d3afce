package ir.nix.policy.grant;

import ir.nix.policy.Decision;
import ir.nix.policy.DecisionRequest;
import ir.nix.policy.DenialReason;
import ir.nix.policy.GrantCondition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static ir.nix.policy.grant.TestGrant.bundleOf;
import static ir.nix.policy.grant.TestGrant.grant;
import static ir.nix.policy.grant.TestGrant.tehran;
import static org.assertj.core.api.Assertions.assertThat;

class GrantDeciderTest {

    private static final Instant NOW = tehran("2024-06-01T12:00");

    @Test
    void permitsAGrantInForceWithItsItemsConditionsResolutionAndBundle() {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("ipo-insurance-list")
                .to("IPO", "insurance-list", "SSO", Set.of("persons.firstName", "persons.daysWorked"))
                .conditions(new GrantCondition.EnterpriseSubjectToTransfer("enterpriseNationalId"))));

        Decision decision = decider.decide(DecisionRequest.of("IPO", "insurance-list", "SSO", NOW));

        assertThat(decision).isEqualTo(new Decision.Permit("ipo-insurance-list", "WG-26/1400-08-18",
                Set.of("persons.firstName", "persons.daysWorked"),
                List.of(new GrantCondition.EnterpriseSubjectToTransfer("enterpriseNationalId")),
                TestGrant.BUNDLE));
    }

    @ParameterizedTest(name = "{0} asking {1} of {2}")
    @CsvSource({
            "IHIO, shahkar, CRA",
            "MOE, identity, NOCR",
            "MOE, shahkar, POST"})
    void refusesWithNoGrantWhenNoGrantMatchesConsumerServiceAndProvider(String consumer, String service, String provider) {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar")));

        Decision decision = decider.decide(DecisionRequest.of(consumer, service, provider, NOW));

        assertThat(decision).isInstanceOfSatisfying(Decision.Deny.class, deny -> {
            assertThat(deny.reason()).isEqualTo(DenialReason.NO_GRANT);
            assertThat(deny.grantId()).isEmpty();
            assertThat(deny.bundle()).isEqualTo(TestGrant.BUNDLE);
        });
    }

    @ParameterizedTest(name = "{0} Tehran: {1}")
    @CsvSource({
            "2023-12-31T23:59:59, GRANT_NOT_YET_VALID",
            "2024-01-01T00:00, PERMIT",
            "2024-12-31T23:59:59, PERMIT",
            "2025-01-01T00:00, GRANT_EXPIRED"})
    void decidesValidityByCalendarDaysInTehran(String tehranTime, String outcome) {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar").validFrom("2024-01-01")
                .validUntil("2024-12-31")));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", tehran(tehranTime)));

        assertThat(outcomeOf(decision)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "valid {0} {1}: {2}")
    @CsvSource({
            "from, 2030-01-01, GRANT_NOT_YET_VALID",
            "until, 2023-03-20, GRANT_EXPIRED"})
    void refusesAGrantOutOfForceNamingTheDayItTurns(String bound, String day, DenialReason reason) {
        TestGrant grant = grant("moe-shahkar");
        GrantDecider decider = GrantDecider.of(bundleOf(bound.equals("from") ? grant.validFrom(day) : grant.validUntil(day)));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));

        assertDenied(decision, reason, "moe-shahkar");
        assertThat(((Decision.Deny) decision).detail()).contains(day);
    }

    @Test
    void refusesARevokedGrant() {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar").revoked()));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));

        assertDenied(decision, DenialReason.GRANT_REVOKED, "moe-shahkar");
    }

    @Test
    void permitsOnTheSuccessorOfAnExpiredGrant() {
        GrantDecider decider = GrantDecider.of(bundleOf(
                grant("moe-shahkar-1").validUntil("2023-03-20"),
                grant("moe-shahkar-2").validFrom("2023-03-21")));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));

        assertThat(decision).isInstanceOfSatisfying(Decision.Permit.class,
                permit -> assertThat(permit.grantId()).isEqualTo("moe-shahkar-2"));
    }

    @Test
    void refusesBetweenGrantsNamingTheComingOne() {
        GrantDecider decider = GrantDecider.of(bundleOf(
                grant("moe-shahkar-1").validUntil("2023-03-20"),
                grant("moe-shahkar-3").validFrom("2026-03-21"),
                grant("moe-shahkar-2").validFrom("2025-03-21").validUntil("2026-03-20")));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));

        assertDenied(decision, DenialReason.GRANT_NOT_YET_VALID, "moe-shahkar-2");
    }

    @Test
    void refusesWithTheRevocationOfTheGrantThatWouldBeInForce() {
        GrantDecider decider = GrantDecider.of(bundleOf(
                grant("moe-shahkar-1").validUntil("2023-03-20"),
                grant("moe-shahkar-2").validFrom("2023-03-21").revoked()));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));

        assertDenied(decision, DenialReason.GRANT_REVOKED, "moe-shahkar-2");
    }

    @Test
    void refusesActingOnBehalfOfAPartyTheGrantDoesNotName() {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar")));

        Decision decision = decider.decide(onBehalfOf("TAVANIR"));

        assertDenied(decision, DenialReason.REDELEGATION_FORBIDDEN, "moe-shahkar");
    }

    @Test
    void permitsActingOnBehalfOfAPartyTheGrantNames() {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar").onBehalfOf("TAVANIR")));

        assertThat(decider.decide(onBehalfOf("TAVANIR"))).isInstanceOf(Decision.Permit.class);
    }

    @Test
    void permitsAConsumerNamingItselfAsThePartyItActsFor() {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar")));

        assertThat(decider.decide(onBehalfOf("MOE"))).isInstanceOf(Decision.Permit.class);
    }

    @ParameterizedTest(name = "{1} a {0}: refused with a retry after {2}, permitted again then")
    @CsvSource({
            "second, 2, PT0.5S",
            // Daily quotas follow the Iranian civil day: from noon, the retry is at Tehran midnight.
            "day, 3, PT12H"})
    void refusesBeyondTheLimitUntilTheWindowTurns(String window, int limit, Duration retryAfter) {
        GrantDecider decider = usedUp(window, limit);

        Decision refused = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));
        Decision afterTheRetry = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW.plus(retryAfter)));

        assertDenied(refused, DenialReason.QUOTA_EXCEEDED, "moe-shahkar");
        assertThat(((Decision.Deny) refused).retryAfter()).hasValue(retryAfter);
        assertThat(afterTheRetry).isInstanceOf(Decision.Permit.class);
    }

    @Test
    void doesNotCountRefusedRequestsAgainstTheQuota() {
        GrantDecider decider = GrantDecider.of(bundleOf(grant("moe-shahkar").perDay(1)));
        decider.decide(onBehalfOf("TAVANIR"));

        Decision decision = decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW));

        assertThat(decision).isInstanceOf(Decision.Permit.class);
    }

    @Test
    void keepsQuotaCountersOfUnchangedGrantsWhenTheBundleIsReplaced() {
        GrantDecider first = GrantDecider.of(bundleOf(grant("moe-shahkar").perDay(1)));
        decide(first, 1);

        GrantDecider next = first.succeededBy(bundleOf(grant("moe-shahkar").perDay(1), grant("ihio-shahkar")
                .to("IHIO", "shahkar", "CRA", Set.of("matched"))));

        assertDenied(next.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW)), DenialReason.QUOTA_EXCEEDED,
                "moe-shahkar");
    }

    @Test
    void startsFreshCountersWhenAGrantsQuotaChanges() {
        GrantDecider first = GrantDecider.of(bundleOf(grant("moe-shahkar").perDay(1)));
        decide(first, 1);

        GrantDecider next = first.succeededBy(bundleOf(grant("moe-shahkar").perDay(2)));

        assertThat(next.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW))).isInstanceOf(Decision.Permit.class);
    }

    @Test
    void reportsTheBundleItDecidesOn() {
        assertThat(GrantDecider.of(bundleOf(grant("moe-shahkar"))).activeBundle()).isEqualTo(TestGrant.BUNDLE);
    }

    private static DecisionRequest onBehalfOf(String party) {
        return new DecisionRequest("MOE", "shahkar", "CRA", Optional.of(party), NOW);
    }

    /** A decider whose only grant, limited per {@code window} ("second" or "day"), has used its {@code limit} at NOW. */
    private static GrantDecider usedUp(String window, int limit) {
        TestGrant grant = grant("moe-shahkar");
        GrantDecider decider = GrantDecider.of(bundleOf(window.equals("second") ? grant.perSecond(limit) : grant.perDay(limit)));
        decide(decider, limit);
        return decider;
    }

    private static void decide(GrantDecider decider, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(decider.decide(DecisionRequest.of("MOE", "shahkar", "CRA", NOW))).isInstanceOf(Decision.Permit.class);
        }
    }

    private static String outcomeOf(Decision decision) {
        return decision instanceof Decision.Deny deny ? deny.reason().name() : "PERMIT";
    }

    static void assertDenied(Decision decision, DenialReason reason, String grantId) {
        assertThat(decision).isInstanceOfSatisfying(Decision.Deny.class, deny -> {
            assertThat(deny.reason()).isEqualTo(reason);
            assertThat(deny.grantId()).contains(grantId);
            assertThat(deny.resolutionRef()).contains("WG-26/1400-08-18");
            assertThat(deny.bundle()).isEqualTo(TestGrant.BUNDLE);
        });
    }
}
