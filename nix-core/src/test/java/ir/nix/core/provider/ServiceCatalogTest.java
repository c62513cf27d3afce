package ir.nix.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.service.ServiceCode;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalogue joins descriptor files and adapters by code; one without the other stops the start. */
class ServiceCatalogTest {

    static final List<ServiceDescriptor> PARCEL = ServiceDescriptorFiles.read(List.of("classpath:descriptors/good/*.yml"));
    static final ProviderEndpoints UNCONFIGURED = new ProviderEndpoints(new ProvidersProperties(Map.of(), Duration.ofSeconds(1)));

    record Serving(String code) implements ProviderAdapter {
        @Override
        public ServiceCode service() {
            return new ServiceCode(code);
        }

        @Override
        public ProviderResult call(ProviderCall call) {
            return new ProviderResult.Unavailable("test adapter");
        }
    }

    @Test
    void joinsADescriptorToTheAdapterOfItsCode() {
        Serving adapter = new Serving("parcel");

        ServiceCatalog catalog = new ServiceCatalog(PARCEL, List.of(adapter), UNCONFIGURED);

        assertThat(catalog.adapter("parcel")).containsSame(adapter);
        assertThat(catalog.descriptor("parcel").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void configuredProviderTimeoutWinsOverTheDescriptors() {
        ProviderEndpoints configured = new ProviderEndpoints(new ProvidersProperties(Map.of("post",
                new ProvidersProperties.Endpoint(URI.create("http://127.0.0.1:1"), Duration.ofMillis(700), null, null, null)),
                Duration.ofSeconds(1)));

        ServiceCatalog catalog = new ServiceCatalog(PARCEL, List.of(new Serving("parcel")), configured);

        assertThat(catalog.descriptor("parcel").orElseThrow().timeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(catalog.service("parcel").orElseThrow().provider()).isEqualTo(new AgencyCode("POST").value());
    }

    @Test
    void refusesADescriptorWithoutAnAdapter() {
        assertThatThrownBy(() -> new ServiceCatalog(PARCEL, List.of(), UNCONFIGURED))
                .hasMessageContaining("services/parcel.yml has no adapter");
    }

    @Test
    void refusesAnAdapterWithoutADescriptor() {
        assertThatThrownBy(() -> new ServiceCatalog(PARCEL, List.of(new Serving("parcel"), new Serving("letter")),
                UNCONFIGURED))
                .hasMessageContaining("adapters without a service descriptor file")
                .hasMessageContaining("letter");
    }

    @Test
    void refusesTwoAdaptersForOneService() {
        assertThatThrownBy(() -> new ServiceCatalog(PARCEL, List.of(new Serving("parcel"), new Serving("parcel")),
                UNCONFIGURED))
                .hasMessageContaining("two adapters serve service parcel");
    }
}
