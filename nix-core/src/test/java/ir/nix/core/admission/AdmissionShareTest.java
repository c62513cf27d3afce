package ir.nix.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.agency.AgencyCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class AdmissionShareTest {

    private static final AgencyCode POST = new AgencyCode("POST");
    private static final AgencyCode CRA = new AgencyCode("CRA");

    private static Admission admission(int maxInFlight, double share) {
        return new Admission(new AdmissionProperties(maxInFlight, Duration.ofSeconds(1), share),
                new StaticListableBeanFactory().getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
    }

    @Test
    void oneProvidersInquiriesHoldAtMostTheirShareAndLeaveTheRestToOthers() {
        Admission admission = admission(64, 0.5);

        int post = 0;
        while (admission.tryAdmitFor(POST)) {
            post++;
        }

        assertThat(post).isEqualTo(32);
        assertThat(admission.tryAdmitFor(CRA)).as("another provider's callers still get in").isTrue();
    }

    @Test
    void aReleasedShareIsFreeAgain() {
        Admission admission = admission(4, 0.5);
        assertThat(admission.tryAdmitFor(POST)).isTrue();
        assertThat(admission.tryAdmitFor(POST)).isTrue();
        assertThat(admission.tryAdmitFor(POST)).isFalse();

        admission.releaseShare(POST);

        assertThat(admission.tryAdmitFor(POST)).isTrue();
    }

    @Test
    void aShareIsAtLeastOneAndAtMostTheWholeNode() {
        assertThat(new AdmissionProperties(1, Duration.ofSeconds(1), 0.1).perProvider()).isEqualTo(1);
        assertThat(new AdmissionProperties(64, Duration.ofSeconds(1), 1.0).perProvider()).isEqualTo(64);
        assertThatThrownBy(() -> new AdmissionProperties(64, Duration.ofSeconds(1), 0)).hasMessageContaining("provider-share");
        assertThatThrownBy(() -> new AdmissionProperties(64, Duration.ofSeconds(1), 1.5)).hasMessageContaining("provider-share");
    }
}
