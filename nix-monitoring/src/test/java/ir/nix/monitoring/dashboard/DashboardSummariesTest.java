package ir.nix.monitoring.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.exchange.PolicyVerdict;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.tracking.TrackingId;
import ir.nix.core.traffic.TrafficRecord;
import ir.nix.monitoring.access.Role;
import ir.nix.monitoring.access.Viewer;
import ir.nix.monitoring.figures.AgencyNames;
import ir.nix.policy.active.ActivePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

class DashboardSummariesTest {

    /** A clock the test moves. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final LiveTrafficWindow window = new LiveTrafficWindow(clock, 300, 20);
    final DashboardSummaries summaries = new DashboardSummaries(window,
            new AgencyNames(new DefaultListableBeanFactory().getBeanProvider(ActivePolicy.class)), code -> Optional.empty(), "nix-test",
            () -> Map.of("CRA", "CLOSED"));

    void exchange(String consumer, String outcome, long micros) {
        OutcomeCode code = OutcomeCode.valueOf(outcome);
        window.accept(new TrafficRecord(TrackingId.next(), null, null, Channel.REST, new AgencyCode(consumer),
                new AgencyCode("CRA"), new ServiceCode("shahkar"), "1", null, null, null, null,
                code.isDenial() ? PolicyVerdict.DENY : PolicyVerdict.PERMIT, code, 200, clock.now, null, null,
                micros, null, 10, 10, "nix-test", null, null));
    }

    @Test
    void countsAnsweredAndDeniedExchangesPerService() {
        for (int i = 0; i < 7; i++) {
            exchange("MOE", "OK", 5_000);
        }
        exchange("IRCS", "NO_GRANT", 800);
        exchange("IRCS", "NO_GRANT", 800);

        DashboardSummary summary = summaries.summary(Viewer.of(Role.OPERATOR), false);

        assertThat(summary.services()).singleElement().satisfies(row -> {
            assertThat(row.code()).isEqualTo("shahkar");
            assertThat(row.figures().answered()).isEqualTo(7);
            assertThat(row.figures().denied()).isEqualTo(2);
        });
        assertThat(summary.denialsByReason()).containsEntry("NO_GRANT", 2L);
        assertThat(summary.recentDenials()).hasSize(2).allMatch(denial -> denial.consumer().equals("IRCS"));
        assertThat(summary.providerHealth()).singleElement().satisfies(health -> {
            assertThat(health.state()).isEqualTo("HEALTHY");
            assertThat(health.calls()).isEqualTo(7);
        });
    }

    @Test
    void forgetsExchangesOlderThanTheWindowButKeepsThemSinceStart() {
        exchange("MOE", "OK", 5_000);
        clock.now = clock.now.plus(Duration.ofSeconds(301));
        exchange("MOE", "OK", 5_000);

        assertThat(summaries.summary(Viewer.of(Role.OPERATOR), false).totals().exchanges()).isEqualTo(1);
        assertThat(summaries.summary(Viewer.of(Role.OPERATOR), true).totals().exchanges()).isEqualTo(2);
    }

    @Test
    void showsAnAgencyOnlyItsOwnExchanges() {
        exchange("MOE", "OK", 5_000);
        exchange("IRCS", "NO_GRANT", 800);

        DashboardSummary summary = summaries.summary(Viewer.agency(new AgencyCode("IRCS")), false);

        assertThat(summary.scope()).isEqualTo("IRCS");
        assertThat(summary.totals().exchanges()).isEqualTo(1);
        assertThat(summary.consumers()).extracting(DashboardSummary.Row::code).containsExactly("IRCS");
        assertThat(summary.providerHealth()).allMatch(health -> health.calls() == 0);
    }

    @Test
    void marksAProviderFailingWhenMostCallsFault() {
        exchange("MOE", "PROVIDER_TIMEOUT", 5_000_000);
        clock.now = clock.now.plusSeconds(1);
        exchange("MOE", "PROVIDER_ERROR", 20_000);
        exchange("MOE", "OK", 5_000);

        DashboardSummary.ProviderHealth health = summaries.summary(Viewer.of(Role.OPERATOR), false).providerHealth().get(0);

        assertThat(health.state()).isEqualTo("FAILING");
        assertThat(health.faults()).isEqualTo(2);
        assertThat(health.lastFault()).isEqualTo("PROVIDER_ERROR");
        assertThat(health.lastFaultAt()).isEqualTo(clock.now);
    }

    @Test
    void binsThroughputOverTheWindow() {
        exchange("MOE", "OK", 5_000);

        DashboardSummary summary = summaries.summary(Viewer.of(Role.OPERATOR), false);

        assertThat(summary.throughput()).hasSizeBetween(60, 61);
        assertThat(summary.throughput().get(summary.throughput().size() - 1).answered()).isEqualTo(1);
        assertThat(summary.perSecond()).isEqualTo(1 / 60.0);
    }
}
