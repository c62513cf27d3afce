package ir.nix.it;

import ir.nix.core.service.ServiceDescriptorFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every service's ID card example, sent as it stands, succeeds against the simulated providers and is
 * recorded: read from the descriptor files, so a new service's example is tried with no line added here.
 */
class CatalogueExamplesTest extends ProviderServiceTest {

    static Stream<String> services() {
        return ServiceDescriptorFiles.read(List.of(ServiceDescriptorFiles.DEFAULT_LOCATION)).stream()
                .map(descriptor -> descriptor.code().value());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void theExampleOnTheIdCardSucceeds(String service) {
        assertExampleSucceeds(service);
    }
}
