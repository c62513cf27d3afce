package ir.nix.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.adapters.cra.ShahkarAdapter;
import ir.nix.adapters.ipo.PrivatizationStatusAdapter;
import ir.nix.adapters.nocr.IdentityAdapter;
import ir.nix.adapters.post.PostalAddressAdapter;
import ir.nix.adapters.simulator.AgencySimulator;
import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.adapters.simulator.IpoSimulator;
import ir.nix.adapters.simulator.NocrSimulator;
import ir.nix.adapters.simulator.PostSimulator;
import ir.nix.adapters.simulator.SsoSimulator;
import ir.nix.adapters.soap.SoapProviderClients;
import ir.nix.adapters.sso.InsuranceListAdapter;
import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example of every descriptor file (what the catalogue offers newcomers to copy) is answered by the
 * demo's simulated provider. Adapters no longer take their examples from the simulators, so this test
 * is what keeps the two in step.
 */
class DescriptorExamplesTest {

    static final SoapProviderClients SOAP = new SoapProviderClients(SimulatedAgency.properties());

    @AfterAll
    static void stopSoapClients() {
        SOAP.destroy();
    }

    static Stream<Arguments> services() {
        return Stream.of(
                Arguments.of(new CraSimulator(), adapter((endpoints, soap) -> new ShahkarAdapter(endpoints,
                        SimulatedAgency.HTTP, SimulatedAgency.JSON))),
                Arguments.of(new PostSimulator(), adapter(PostalAddressAdapter::new)),
                Arguments.of(new NocrSimulator(), adapter(IdentityAdapter::new)),
                Arguments.of(new SsoSimulator(), adapter((endpoints, soap) -> new InsuranceListAdapter(endpoints,
                        SimulatedAgency.HTTP, SimulatedAgency.JSON))),
                Arguments.of(new IpoSimulator(), adapter((endpoints, soap) -> new PrivatizationStatusAdapter(endpoints,
                        SimulatedAgency.HTTP, SimulatedAgency.JSON))));
    }

    private static BiFunction<ProviderEndpoints, SoapProviderClients, ProviderAdapter> adapter(
            BiFunction<ProviderEndpoints, SoapProviderClients, ProviderAdapter> factory) {
        return factory;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void answersTheDescriptorsExampleFromTheSimulatedProvider(AgencySimulator simulator,
            BiFunction<ProviderEndpoints, SoapProviderClients, ProviderAdapter> factory) {
        try (SimulatedAgency agency = SimulatedAgency.start(simulator)) {
            ProviderAdapter adapter = factory.apply(agency.endpoints(simulator.agency()), SOAP);
            ServiceDescriptor service = SimulatedAgency.descriptor(adapter);

            ProviderResult result = adapter.call(SimulatedAgency.call(service, service.example().consumer(),
                    service.example().request()));

            assertThat(service.provider()).isEqualTo(simulator.agency());
            assertThat(result).isInstanceOf(ProviderResult.Answered.class);
        }
    }

    @Test
    void shipsOneDescriptorFilePerAdapter() {
        List<String> codes = ServiceDescriptorFiles.read(List.of(ServiceDescriptorFiles.DEFAULT_LOCATION)).stream()
                .map(service -> service.code().value()).toList();

        assertThat(codes).containsExactlyInAnyOrder("shahkar", "postal-address", "identity", "insurance-list",
                "privatization-status");
    }
}
