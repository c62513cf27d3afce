package ir.nix.core.admission;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import ir.nix.core.agency.AgencyCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<AgencyCode, Semaphore> providerShares = new ConcurrentHashMap<>();

    public Admission(AdmissionProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.permits = new Semaphore(properties.maxInFlight());
        meters.ifAvailable(registry -> {
            Gauge.builder("nix_admission_in_flight", this, Admission::inFlight)
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

    /**
     * Takes one of {@code provider}'s share of the node's permits ({@code nix.admission.provider-share}), on top of
     * the node permit the exchange already holds; the caller must {@link #releaseShare} it when the exchange ends.
     */
    public boolean tryAdmitFor(AgencyCode provider) {
        return share(provider).tryAcquire();
    }

    public void releaseShare(AgencyCode provider) {
        share(provider).release();
    }

    /** How many inquiries of one provider the node mediates at most at once. */
    public int perProvider() {
        return properties.perProvider();
    }

    private Semaphore share(AgencyCode provider) {
        return providerShares.computeIfAbsent(provider, unused -> new Semaphore(properties.perProvider()));
    }

    /** Inquiries this node mediates now (permits taken). */
    public int inFlight() {
        return properties.maxInFlight() - permits.availablePermits();
    }

    public int limit() {
        return properties.maxInFlight();
    }

    public Duration retryAfter() {
        return properties.retryAfter();
    }
}
