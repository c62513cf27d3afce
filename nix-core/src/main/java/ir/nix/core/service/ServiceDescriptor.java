package ir.nix.core.service;

import ir.nix.core.agency.AgencyCode;
import ir.nix.policy.lang.NonNull;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A service is data: this descriptor (read from its file, {@code services/<code>.yml}) plus an
 * adapter. Adding a service adds no route.
 *
 * @param code        unique service code, also the REST path segment
 * @param version     the service's contract version, recorded with every exchange
 * @param provider    the agency that owns the data
 * @param titleEn     English title
 * @param titleFa     Persian title (service ID card, 003 Art. 9)
 * @param legalBasis  the resolution or law the service rests on
 * @param inputs      request items, validated before any policy or provider step
 * @param outputs     every item the reply can carry, typed; a grant selects among their {@link #dataItems()}
 * @param timeout     how long the bus waits for the provider before answering 504
 * @param idempotent  whether calling the provider twice with the same request is harmless (a retry may repeat it)
 * @param identity    identity requirements of the service ID card (who must be identified, how)
 * @param example     a request that succeeds against the demo's simulated providers
 */
public record ServiceDescriptor(ServiceCode code, String version, AgencyCode provider, String titleEn, String titleFa,
                                String legalBasis, List<InputField> inputs, List<OutputItem> outputs, Duration timeout,
                                boolean idempotent, String identity, Example example) {

    /**
     * A ready-to-copy inquiry for newcomers: the consumer agency holding a demo grant, and the request.
     *
     * @param consumer agency code to send as the consumer
     * @param request  input fields; synthetic values the demo simulators know
     */
    public record Example(String consumer, Map<String, String> request) {
        public Example {
            Objects.requireNonNull(consumer, "consumer");
            request = Collections.unmodifiableMap(new LinkedHashMap<>(request));
        }
    }

    public ServiceDescriptor {
        NonNull.components("code version provider titleEn titleFa legalBasis timeout identity example",
                code, version, provider, titleEn, titleFa, legalBasis, timeout, identity, example);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public Optional<InputField> input(String name) {
        for (InputField field : inputs) {
            if (field.name().equals(name)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** Every grantable data item; nested list items are written {@code persons.firstName}. */
    public List<String> dataItems() {
        return outputs.stream().flatMap(output -> output.dataItems().stream()).toList();
    }

    /** The inputs that identify the data subject (003 Art. 31.4: token material, never stored). */
    public List<InputField> dataSubjectFields() {
        return inputs.stream().filter(InputField::dataSubject).toList();
    }

    /** The same service with the provider timeout configuration sets for this deployment. */
    public ServiceDescriptor withTimeout(Duration configured) {
        return new ServiceDescriptor(code, version, provider, titleEn, titleFa, legalBasis, inputs, outputs, configured,
                idempotent, identity, example);
    }
}
