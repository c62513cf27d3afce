package ir.nix.core.hub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which exchange centre this node belongs to (003 Art. 32: the national IX and the cluster IXs run the same
 * system, each with its own configuration), {@code nix.hub.*}.
 *
 * @param name       the hub's name, for people (logs, the catalogue): {@code national}, {@code health}, ...
 * @param services   on a cluster hub, the services it answers itself (none by default: it forwards all); the
 *                   national hub answers every service
 * @param national   where a cluster hub forwards to; unset on the national hub, which makes it the national hub
 * @param forwarders on the national hub: the agency code of each cluster hub's certificate (certificate
 *                   registry) and the agencies that hub may forward for. No other caller may forward.
 */
@ConfigurationProperties(prefix = "nix.hub")
public record HubProperties(@DefaultValue("national") String name, @DefaultValue List<String> services,
                            National national, @DefaultValue Map<String, Set<String>> forwarders) {

    /**
     * @param url       the national hub's base URL ({@code https://...}); inquiries go to {@code url/api/v1/inquiries/}
     * @param sslBundle the Spring SSL bundle ({@code spring.ssl.bundle.pem.<name>.*}) with this hub's client
     *                  certificate (issued by {@code nix-bus pki issue}) and the national hub's CA
     * @param connectTimeout how long to wait for a connection to the national hub
     * @param timeout   the deadline of a forwarded exchange: at least the national hub's provider deadlines plus
     *                  the hop, so that the national hub, not this one, says when a provider is too slow
     */
    public record National(URI url, String sslBundle, @DefaultValue("2s") Duration connectTimeout,
                           @DefaultValue("15s") Duration timeout) {
    }

    /** A cluster hub: one that knows a national hub to forward to. */
    public boolean isClusterHub() {
        return national != null && national.url() != null;
    }

    /** Whether this hub sends inquiries for {@code service} on to the national hub instead of answering them. */
    public boolean forwards(String service) {
        return isClusterHub() && !services.contains(service);
    }
}
