package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, ready means ready: a bus process that says it is ready ({@code /actuator/health/readiness} UP,
 * {@code busReadiness} included) answers the first inquiry of every service at once, because it warmed its
 * clients, contexts and codecs before saying so. The latencies are printed; the bound is generous (rule 7).
 */
class ReadinessTest {

    /** A cold first inquiry took 4.7-7.5 s before the warm-up (issue 11); a warm one takes milliseconds. */
    private static final Duration FIRST_INQUIRY_BOUND = Duration.ofSeconds(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static BusProcess bus;

    @BeforeAll
    static void startTheBus() throws Exception {
        assertThat(BusProcess.JAR).as("run through 'mvn verify', which packages the bus before these tests").exists();
        bus = BusProcess.startAlone("nix-ready", ArtemisBroker.freePort(), Files.createTempDirectory("nix-ready-"),
                Postgres.freshDatabase("nix_ready"));
        System.out.printf("readiness: ready %d ms after launch%n", bus.readyAfter().toMillis());
    }

    @AfterAll
    static void stopTheBus() {
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void saysWhatReadinessWaitedFor() throws Exception {
        HttpResponse<String> readiness = bus.send(HttpRequest.newBuilder(bus.uri("/actuator/health/readiness")).GET());

        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(readiness.body()).path("components").path("busReadiness").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void answersTheFirstInquiryOfEveryServiceQuicklyOnceReady() throws Exception {
        List<ServiceDescriptor> services = ServiceDescriptorFiles.read(List.of(ServiceDescriptorFiles.DEFAULT_LOCATION)).stream()
                .sorted(Comparator.comparing(service -> service.code().value())).toList();
        assertThat(services).isNotEmpty();
        for (ServiceDescriptor service : services) {
            long start = System.nanoTime();
            HttpResponse<String> reply = bus.send(HttpRequest.newBuilder(bus.uri("/api/v1/inquiries/" + service.code().value()))
                    .header("Content-Type", "application/json")
                    .header("X-NIX-Consumer", service.example().consumer())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(service.example().request()))));
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("readiness: first %s inquiry after readiness: %d, %d ms%n", service.code().value(),
                    reply.statusCode(), latency.toMillis());

            assertThat(reply.statusCode()).as("the first %s inquiry", service.code().value()).isEqualTo(200);
            assertThat(latency).as("the first %s inquiry", service.code().value()).isLessThan(FIRST_INQUIRY_BOUND);
        }
    }
}
