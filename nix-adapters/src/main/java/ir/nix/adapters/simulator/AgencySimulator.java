package ir.nix.adapters.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.core.agency.AgencyCode;

/**
 * A simulated provider agency: WireMock stubs that speak the agency's own protocol over synthetic but
 * valid data, for its one service path. The same stubs serve the demo profile and the integration tests.
 */
public abstract class AgencySimulator {

    private final AgencyCode agency;
    private final String servicePath;

    /** @param servicePath where the agency's service sits under its base URL ({@code /shahkar/v2/verify}) */
    protected AgencySimulator(AgencyCode agency, String servicePath) {
        this.agency = agency;
        this.servicePath = servicePath;
    }

    public final AgencyCode agency() {
        return agency;
    }

    /** Registers the agency's stubs on {@code server}, rooted at {@code pathPrefix} (e.g. {@code /cra}). */
    public final void register(WireMockServer server, String pathPrefix) {
        stub(server, pathPrefix + servicePath);
    }

    /** Registers the stubs of the agency's service at {@code path}, the prefix and the service path joined. */
    protected abstract void stub(WireMockServer server, String path);
}
