package ir.nix.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.service.ServiceDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What every provider service's end-to-end test checks, over real HTTP: the success envelope, the problem
 * document of each refusal, and the one traffic record of each exchange.
 */
abstract class ProviderServiceTest extends BusUnderTest {

    @Autowired
    ServiceCatalog catalog;

    /** Registers {@code request} on the simulated providers, never answered while the bus waits. */
    static void answerSlowly(MappingBuilder request) {
        PROVIDERS.stubFor(request.atPriority(1).willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) NEVER.toMillis()).withBody("")));
    }

    static String body(Map<String, ?> fields) {
        return JSON.writeValueAsString(fields);
    }

    /** {@code fields} with one field replaced. */
    static Map<String, Object> with(Map<String, ?> fields, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return changed;
    }

    /** A 200 reply of {@code service} from {@code provider}, recorded as such; returns its {@code data}. */
    JsonNode assertAnswered(Reply reply, String service, String provider) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.body().path("service").asString()).isEqualTo(service);
        assertThat(reply.body().path("provider").asString()).isEqualTo(provider);
        assertThat(reply.body().path("trackingId").asString()).isEqualTo(reply.trackingHeader()).isNotBlank();
        JsonNode record = assertRecorded(reply, "OK", 200, "PERMIT");
        assertThat(record.path("service").asString()).isEqualTo(service);
        assertThat(record.path("provider").asString()).isEqualTo(provider);
        return reply.body().path("data");
    }

    /** A problem document with {@code code}, recorded with the same outcome. */
    JsonNode assertProblem(Reply reply, int status, String code, String decision) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).isEqualTo(code);
        assertThat(reply.body().path("trackingId").asString()).isEqualTo(reply.trackingHeader()).isNotBlank();
        assertRecorded(reply, code, status, decision);
        return reply.body();
    }

    /** Refused before any policy step, naming the field and not repeating its value. */
    void assertInvalidInput(Reply reply, String field, String value) {
        JsonNode problem = assertProblem(reply, 400, "INVALID_INPUT", "NOT_REACHED");
        assertThat(problem.path("detail").asString()).startsWith(field);
        assertThat(reply.raw().replace(reply.trackingHeader(), "")).doesNotContain(value);
    }

    /** The service ID card's example, sent as it stands, succeeds against the simulated providers. */
    void assertExampleSucceeds(String service) {
        ServiceDescriptor descriptor = catalog.descriptor(service).orElseThrow();
        ServiceDescriptor.Example example = descriptor.example();

        Reply reply = inquire(service, example.consumer(), body(example.request()));

        assertAnswered(reply, service, descriptor.provider().value());
    }
}
