package ir.nix.adapters.simulator;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.core.provider.ProviderEndpoints;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every simulated provider agency on one loopback WireMock server on a free port (demo profile,
 * {@code nix.simulators.enabled=true}) and points each provider without a configured endpoint at it.
 * The request journal is off: simulated or not, request bodies are not kept.
 */
@Component
@ConditionalOnProperty(name = "nix.simulators.enabled", havingValue = "true")
public class ProviderSimulators implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulators.class);

    private final WireMockServer server;

    public ProviderSimulators(List<AgencySimulator> simulators, ProviderEndpoints endpoints) {
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal().notifier(new ContentFreeNotifier()));
        // Started here, not in start(): adapters must find their endpoints before the bus takes traffic.
        server.start();
        for (AgencySimulator simulator : simulators) {
            String prefix = "/" + simulator.agency().value().toLowerCase(Locale.ROOT);
            simulator.register(server, prefix);
            endpoints.useSimulated(simulator.agency(), URI.create(server.baseUrl() + prefix));
        }
        LOG.info("simulated provider agencies {} listening on {}", simulators.stream().map(s -> s.agency().value()).toList(),
                server.baseUrl());
    }

    @Override
    public void start() {
        // already running since construction
    }

    @Override
    public void stop() {
        server.stop();
    }

    @Override
    public boolean isRunning() {
        return server.isRunning();
    }
}
