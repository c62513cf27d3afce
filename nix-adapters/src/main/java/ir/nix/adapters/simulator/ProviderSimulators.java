package ir.nix.adapters.simulator;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.core.provider.ProviderEndpoints;
import ir.nix.core.startup.BackgroundStart;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every simulated provider agency on one loopback WireMock server on a free port (demo profile,
 * {@code nix.simulators.enabled=true}) and points each provider without a configured endpoint at it.
 * The request journal is off: simulated or not, request bodies are not kept.
 *
 * <p>WireMock takes a second or more to start; it starts on a start thread ({@link BackgroundStart}) while the
 * context builds the rest, and the context waits for it once every bean exists, before the web server takes
 * a connection: adapters find the simulated endpoints before the bus takes traffic.
 */
@Component
@ConditionalOnProperty(name = "nix.simulators.enabled", havingValue = "true")
public class ProviderSimulators implements SmartLifecycle, SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulators.class);

    private final BackgroundStart<WireMockServer> server;

    public ProviderSimulators(List<AgencySimulator> simulators, ProviderEndpoints endpoints) {
        // Started now, not in start(): adapters must find their endpoints before the bus takes traffic.
        this.server = BackgroundStart.run("simulators", () -> start(simulators, endpoints));
    }

    private static WireMockServer start(List<AgencySimulator> simulators, ProviderEndpoints endpoints) {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal().notifier(new ContentFreeNotifier()));
        server.start();
        for (AgencySimulator simulator : simulators) {
            String prefix = "/" + simulator.agency().value().toLowerCase(Locale.ROOT);
            simulator.register(server, prefix);
            endpoints.useSimulated(simulator.agency(), URI.create(server.baseUrl() + prefix));
        }
        LOG.info("simulated provider agencies {} listening on {}", simulators.stream().map(s -> s.agency().value()).toList(),
                server.baseUrl());
        return server;
    }

    /** The start waits here for the simulated agencies. */
    @Override
    public void afterSingletonsInstantiated() {
        server.get();
    }

    @Override
    public void start() {
        // already running since construction
    }

    @Override
    public void stop() {
        server.get().stop();
    }

    @Override
    public boolean isRunning() {
        return server.get().isRunning();
    }
}
