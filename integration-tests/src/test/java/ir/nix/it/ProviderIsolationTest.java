package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.service.ServiceDescriptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, 003 Art. 48: one failing provider never takes the others down. Four providers fail in four
 * ways at once while a healthy one serves concurrent load; the failing ones are cut at their deadline or
 * refused at once by their circuit or bulkhead, and a recovered provider is called again.
 */
class ProviderIsolationTest extends FaultyProvidersBusUnderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> FAILING = List.of("postal-address", "identity", "insurance-list", "privatization-status");

    @Autowired
    ServiceCatalog catalog;

    @Test
    void healthyServiceKeepsFullSuccessWhileFourProvidersFail() throws Exception {
        ipoFails();
        ExecutorService clients = Executors.newFixedThreadPool(24);
        AtomicBoolean healthyDone = new AtomicBoolean();
        Map<Integer, Integer> faultyStatuses = new ConcurrentHashMap<>();
        try {
            List<Future<?>> faulty = new ArrayList<>();
            for (int client = 0; client < 16; client++) {
                String service = FAILING.get(client % FAILING.size());
                faulty.add(clients.submit(() -> {
                    while (!healthyDone.get()) {
                        BusUnderTest.Reply reply = example(service);
                        assertThat(reply.contentType()).as(reply.raw()).startsWith("application/problem+json");
                        assertThat(reply.trackingHeader()).isNotBlank();
                        faultyStatuses.merge(reply.status(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            List<Future<List<Integer>>> healthy = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                healthy.add(clients.submit(() -> {
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 25; i++) {
                        statuses.add(example("shahkar").status());
                    }
                    return statuses;
                }));
            }
            List<Integer> healthyStatuses = new ArrayList<>();
            for (Future<List<Integer>> client : healthy) {
                healthyStatuses.addAll(client.get());
            }
            healthyDone.set(true);
            for (Future<?> client : faulty) {
                client.get();
            }

            assertThat(healthyStatuses).as("every healthy inquiry answered").hasSize(200).containsOnly(200);
            System.out.println("faulty providers' replies by status while shahkar answered 200/200: " + faultyStatuses);
            // 403: insurance-list's grant condition is checked with the failing Privatization Organization.
            assertThat(faultyStatuses.keySet()).as("failing providers get problems, never a hang")
                    .isSubsetOf(403, 502, 503, 504);
            assertThat(faultyStatuses).containsKey(503);
        } finally {
            healthyDone.set(true);
            clients.shutdownNow();
        }
    }

    @Test
    void circuitOpensAnswersAtOnceThenClosesWhenTheProviderRecovers() {
        ipoFails();
        BusUnderTest.Reply refused = await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .until(() -> example("privatization-status"), reply -> reply.status() == 503);
        assertThat(refused.body().path("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        assertThat(refused.body().path("detail").asString()).contains("circuit open");
        assertThat(refused.header("Retry-After")).isPresent();
        // Open, or already half-open when the machine is slow enough for the open wait to pass before the scrape.
        assertThat(metric("resilience4j_circuitbreaker_state", "name=\"IPO\"", "state=\"open\"")
                + metric("resilience4j_circuitbreaker_state", "name=\"IPO\"", "state=\"half_open\"")).isEqualTo(1.0);
        assertThat(circuitOnDashboard("IPO")).isIn("OPEN", "HALF_OPEN");

        long start = System.nanoTime();
        BusUnderTest.Reply fast = example("privatization-status");
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);
        System.out.println("open circuit answered 503 in " + answeredIn.toMillis() + " ms (provider deadline "
                + DEADLINE.toMillis() + " ms)");
        if (fast.status() == 503) {
            assertThat(answeredIn).as("answered before the provider deadline").isLessThan(DEADLINE);
        }
        assertThat(trafficRecord(refused.trackingHeader()).path("outcome").asString()).isEqualTo("PROVIDER_UNAVAILABLE");

        ipoRecovers();
        // Open for 1 s, then half-open: one probe goes through and, answered, closes the circuit.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> example("privatization-status").status() == 200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> metric("resilience4j_circuitbreaker_state", "name=\"IPO\"", "state=\"closed\"") == 1.0);
        assertThat(circuitOnDashboard("IPO")).isEqualTo("CLOSED");
    }

    @Test
    void drippingProviderIsCutAtItsDeadline() {
        long start = System.nanoTime();
        BusUnderTest.Reply reply = example("identity");
        Duration answeredIn = Duration.ofNanos(System.nanoTime() - start);

        System.out.println("dripping provider cut after " + answeredIn.toMillis() + " ms (deadline " + DEADLINE.toMillis() + " ms)");
        assertThat(reply.status()).as(reply.raw()).isEqualTo(504);
        assertThat(reply.body().path("code").asString()).isEqualTo("PROVIDER_TIMEOUT");
        assertThat(reply.body().path("detail").asString()).contains("deadline of " + DEADLINE.toMillis() + " ms");
        assertThat(answeredIn).as("the drip would last 100 000 s; the bus stops at its deadline")
                .isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.multipliedBy(15));
        assertThat(trafficRecord(reply.trackingHeader()).path("outcome").asString()).isEqualTo("PROVIDER_TIMEOUT");
    }

    @Test
    void hangingProviderHoldsOnlyItsBulkheadAndTheRestIsRefusedAtOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(POST_BULKHEAD * 3);
        try {
            List<Future<BusUnderTest.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < POST_BULKHEAD * 3; i++) {
                replies.add(clients.submit(() -> example("postal-address")));
            }
            List<String> details = new ArrayList<>();
            for (Future<BusUnderTest.Reply> reply : replies) {
                BusUnderTest.Reply answered = reply.get();
                assertThat(answered.status()).as(answered.raw()).isIn(503, 504);
                details.add(answered.body().path("detail").asString());
            }
            assertThat(details).as("more callers than the bulkhead: some are refused without a call")
                    .anySatisfy(detail -> assertThat(detail).containsAnyOf("calls in flight", "circuit open"));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void refusedConnectionsAreRetriedWithinTheBudget() {
        // insurance-list's grant condition asks the Privatization Organization first: it must answer.
        ipoRecovers();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> example("privatization-status").status() == 200);

        BusUnderTest.Reply reply = example("insurance-list");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
        assertThat(reply.body().path("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> metric("resilience4j_retry_calls_total", "name=\"SSO\"", "kind=\"failed_with_retry\"") >= 1.0);
    }

    private BusUnderTest.Reply example(String service) {
        ServiceDescriptor.Example example = catalog.descriptor(service).orElseThrow().example();
        return inquire(service, example.consumer(), JSON.writeValueAsString(example.request()));
    }

    /** The circuit state the operator dashboard's provider card shows. */
    private String circuitOnDashboard(String provider) {
        for (var card : get("/api/v1/dashboard/summary").body().path("providerHealth")) {
            if (card.path("provider").asString().equals(provider)) {
                return card.path("circuit").asString();
            }
        }
        return "no card for " + provider;
    }

    /** The value of the Prometheus sample of {@code name} whose labels include all of {@code labels}; -1 if none. */
    private double metric(String name, String... labels) {
        String scrape = get("/actuator/prometheus").raw();
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{"))
                .filter(line -> List.of(labels).stream().allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(-1.0);
    }
}
