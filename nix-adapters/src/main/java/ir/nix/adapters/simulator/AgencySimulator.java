package ir.nix.adapters.simulator;

import com.github.tomakehurst.wiremock.WireMockServer;
import ir.nix.core.agency.AgencyCode;

/**
 * A simulated provider agency: WireMock stubs that speak the agency's own protocol over synthetic but
 * valid data. The same stubs serve the demo profile and the integration tests.
 */
public interface AgencySimulator {

    AgencyCode agency();

    /** Registers the agency's stubs on {@code server}, rooted at {@code pathPrefix} (e.g. {@code /cra}). */
    void register(WireMockServer server, String pathPrefix);
}
