package ir.nix.core.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HubPropertiesTest {

    private static final HubProperties.National NATIONAL = new HubProperties.National(URI.create("https://national:8443"),
            "national-hub", Duration.ofSeconds(2), Duration.ofSeconds(15));

    @ParameterizedTest(name = "{0} hosting [{1}] forwards {2}: {3}")
    @CsvSource({
            "national, '',             shahkar,        false",
            "health,   postal-address, shahkar,        true",
            "health,   postal-address, postal-address, false",
            "relay,    '',             postal-address, true"})
    void forwardsOnlyFromAClusterHubAndOnlyWhatItDoesNotHost(String name, String hosted, String service, boolean forwards) {
        HubProperties hub = new HubProperties(name, hosted.isEmpty() ? List.of() : List.of(hosted),
                name.equals("national") ? null : NATIONAL, Map.of());

        assertThat(hub.isClusterHub()).isEqualTo(!name.equals("national"));
        assertThat(hub.forwards(service)).isEqualTo(forwards);
    }
}
