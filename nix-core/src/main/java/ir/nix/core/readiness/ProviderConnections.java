package ir.nix.core.readiness;

import com.sun.net.httpserver.HttpServer;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.provider.ProviderHttpClient;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.service.ServiceDescriptor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Warms the provider clients without calling a provider: one round trip of the shared
 * {@link ProviderHttpClient} to a loopback stand-in that answers every request with an empty 503 (its
 * request chain, pool and reply handling are then loaded), then one TCP connection, opened and closed, to
 * every provider endpoint the catalogue uses, within {@code nix.provider-connect-timeout}, so that name
 * resolution and the route are set up and the log says which providers were reachable at start. The SOAP
 * clients warm themselves as they are built ({@code SoapProviderClients}). An unreachable provider is the
 * circuit breaker's business, never a reason to stay unready.
 */
@Component
class ProviderConnections implements WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderConnections.class);

    private static final Duration STAND_IN_TIMEOUT = Duration.ofSeconds(5);

    private final ServiceCatalog catalog;
    private final ProviderEndpoints endpoints;
    private final ProviderHttpClient http;
    private final int connectTimeoutMillis;

    ProviderConnections(ServiceCatalog catalog, ProviderEndpoints endpoints, ProviderHttpClient http,
                        ProvidersProperties properties) {
        this.catalog = catalog;
        this.endpoints = endpoints;
        this.http = http;
        this.connectTimeoutMillis = (int) properties.providerConnectTimeout().toMillis();
    }

    @Override
    public String name() {
        return "provider-connections";
    }

    @Override
    public void warm() {
        roundTripToStandIn();
        catalog.descriptors().stream().map(ServiceDescriptor::provider).distinct()
                .forEach(provider -> endpoints.baseUrl(provider).ifPresent(base -> {
                    boolean reachable = connect(base);
                    LOG.info("provider {} {} at start", provider.value(), reachable ? "reachable" : "not reachable");
                }));
    }

    private void roundTripToStandIn() {
        HttpServer standIn;
        try {
            standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException noLoopback) {
            return;
        }
        standIn.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
            }
        });
        standIn.start();
        try {
            http.post(URI.create("http://127.0.0.1:" + standIn.getAddress().getPort() + "/warm-up"), "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8), Map.of(), STAND_IN_TIMEOUT,
                    reply -> new ProviderResult.Unavailable("warm-up stand-in"));
        } finally {
            standIn.stop(0);
        }
    }

    private boolean connect(URI base) {
        int port = base.getPort() >= 0 ? base.getPort() : Objects.equals(base.getScheme(), "https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), port), connectTimeoutMillis);
            return true;
        } catch (IOException | IllegalArgumentException unreachable) {
            return false;
        }
    }
}
