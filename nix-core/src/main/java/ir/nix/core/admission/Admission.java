package ir.nix.core.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * A bounded number of inquiries in flight on this node (003 Art. 48): past the bound the bus answers
 * {@code 503 BUS_SATURATED} at once instead of queueing every caller into a timeout. Never waits: a
 * refusal costs a permit check.
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
public class Admission {

    private final Semaphore permits;
    private final AdmissionProperties properties;

    public Admission(AdmissionProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.permits = new Semaphore(properties.maxInFlight());
        meters.ifAvailable(registry -> {
            Gauge.builder("nix_admission_in_flight", permits, p -> properties.maxInFlight() - p.availablePermits())
                    .description("inquiries this node mediates now").register(registry);
            Gauge.builder("nix_admission_limit", properties, AdmissionProperties::maxInFlight)
                    .description("nix.admission.max-in-flight").register(registry);
        });
    }

    /** Takes a permit if one is free; the caller must {@link #release()} it when the exchange has ended. */
    public boolean tryAdmit() {
        return permits.tryAcquire();
    }

    public void release() {
        permits.release();
    }

    public int limit() {
        return properties.maxInFlight();
    }

    public Duration retryAfter() {
        return properties.retryAfter();
    }
}
