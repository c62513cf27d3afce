package ir.nix.adapters;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.adapters.simulator.AgencySimulator;
import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.service.InputCheck;
import ir.nix.core.service.InputValidator;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ServiceDescriptorFiles;
import ir.nix.core.tracking.TrackingId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulated provider agency on its own WireMock server, and the bus-side pieces an adapter needs to reach
 * it: endpoints (the agency's timeout is {@link #TIMEOUT}), the shared HTTP client, validated calls.
 *
 * <p>Timeouts never depend on the machine's speed: an agency that should answer gets a generous
 * {@link #TIMEOUT}; a timeout is shown against {@link #silent}, a provider that accepts and never answers.
 */
public final class SimulatedAgency implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The timeout of a call to {@link #silent}: short, because nothing ever comes back. */
    public static final Duration SILENT_TIMEOUT = Duration.ofMillis(300);
    private static final SilentProvider SILENT = new SilentProvider();
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final JsonMapper JSON = JsonMapper.builder().build();
    public static final ProviderHttpClient HTTP = new ProviderHttpClient(CONNECT_TIMEOUT);

    private final WireMockServer server;
    private final String prefix;

    private SimulatedAgency(AgencySimulator simulator) {
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        this.server.start();
        this.prefix = "/" + simulator.agency().value().toLowerCase(Locale.ROOT);
        simulator.register(server, prefix);
    }

    public static SimulatedAgency start(AgencySimulator simulator) {
        return new SimulatedAgency(simulator);
    }

    public WireMockServer server() {
        return server;
    }

    /** The path of the agency's API at {@code apiPath} on this server, for extra stubs. */
    public String path(String apiPath) {
        return prefix + apiPath;
    }

    /** Endpoints pointing {@code agency} at this simulator. */
    public ProviderEndpoints endpoints(AgencyCode agency) {
        return endpoints(agency, URI.create(server.baseUrl() + prefix));
    }

    /** Endpoints pointing {@code agency} at a local port nobody listens on. */
    public static ProviderEndpoints unreachable(AgencyCode agency) {
        try (ServerSocket socket = new ServerSocket(0)) {
            return endpoints(agency, URI.create("http://127.0.0.1:" + socket.getLocalPort()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Endpoints pointing {@code agency} at a provider that accepts connections and never answers. */
    public static ProviderEndpoints silent(AgencyCode agency) {
        return endpoints(agency, URI.create("http://127.0.0.1:" + SILENT.port()), SILENT_TIMEOUT);
    }

    public static ProvidersProperties properties() {
        return new ProvidersProperties(Map.of(), CONNECT_TIMEOUT);
    }

    private static ProviderEndpoints endpoints(AgencyCode agency, URI baseUrl) {
        return endpoints(agency, baseUrl, TIMEOUT);
    }

    private static ProviderEndpoints endpoints(AgencyCode agency, URI baseUrl, Duration timeout) {
        return new ProviderEndpoints(new ProvidersProperties(
                Map.of(agency.value().toLowerCase(Locale.ROOT), new ProvidersProperties.Endpoint(baseUrl, timeout, null, null, null)),
                CONNECT_TIMEOUT));
    }

    /** A call as the pipeline makes it: {@code raw} validated against the service, on behalf of {@code consumer}. */
    public static ProviderCall call(ServiceDescriptor service, String consumer, Map<String, String> raw) {
        return call(service, consumer, raw, TIMEOUT);
    }

    /**
     * The same call with its deadline: {@link #TIMEOUT} for an agency that answers, {@link #SILENT_TIMEOUT}
     * for {@link #silent} (the call's timeout is the deadline an adapter keeps, as the bus's provider guard
     * hands it down).
     */
    public static ProviderCall call(ServiceDescriptor service, String consumer, Map<String, String> raw, Duration timeout) {
        InputCheck check = InputValidator.check(service, raw);
        if (!(check instanceof InputCheck.Valid valid)) {
            throw new IllegalArgumentException("test input is invalid: " + ((InputCheck.FieldError) check).detail());
        }
        return new ProviderCall(TrackingId.next(), new AgencyCode(consumer), valid.input(), timeout);
    }

    /** The descriptor file of the service {@code adapter} serves, as the bus reads it at start. */
    public static ServiceDescriptor descriptor(ProviderAdapter adapter) {
        return ServiceDescriptorFiles.read(List.of("classpath:services/" + adapter.service() + ".yml")).get(0);
    }

    @Override
    public void close() {
        server.stop();
    }
}
