package ir.nix.core.hub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A cluster hub's link to the national hub: the inquiry, as the consumer sent it, posted to the national hub's
 * REST channel over mutual TLS with this hub's own certificate (the Spring SSL bundle
 * {@code nix.hub.national.ssl-bundle}), naming the consumer and this hub's tracking ID in
 * {@link ForwardedInquiry}'s headers. The national hub identifies this hub by its certificate, decides the
 * policy for the consumer, minimises, and records; this hub records its side.
 */
@Component
public class NationalHub {

    private static final Logger LOG = LoggerFactory.getLogger(NationalHub.class);

    private final HubProperties hub;
    private final JsonMapper json;
    private final HttpClient client;

    /** A cluster hub without its certificate does not start: it would answer every forwarded inquiry with a failure. */
    NationalHub(HubProperties hub, ObjectProvider<SslBundles> bundles, JsonMapper json) {
        this.hub = hub;
        this.json = json;
        if (hub.isClusterHub()) {
            this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(hub.national().connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(sslContext(hub, bundles)).build();
            LOG.info("hub {}: answers {} itself and forwards every other service to the national hub at {}", hub.name(),
                    hub.services(), hub.national().url());
        } else {
            this.client = null;
            LOG.info("hub {}: answers every service itself", hub.name());
        }
    }

    /** What came back: the national hub's reply (its status and body), or why none came. */
    public sealed interface Reply {

        /** The national hub answered: {@code body} is its reply or problem document. */
        record Answered(int status, byte[] body, Optional<String> retryAfter) implements Reply {
        }

        /** No reply within the deadline. */
        record TimedOut() implements Reply {
        }

        /** No connection, or the TLS handshake failed. */
        record Unreachable() implements Reply {
        }
    }

    /**
     * Sends one inquiry on and waits for the national hub's reply, at most {@code timeout}.
     *
     * @param fields the consumer's input fields, validated by this hub; content, never logged
     */
    public Reply forward(String service, String consumer, String trackingId, Optional<String> onBehalfOf,
                         Map<String, String> fields, Duration timeout) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(inquiries(service)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(ForwardedInquiry.CONSUMER, consumer)
                .header(ForwardedInquiry.TRACKING_ID, trackingId)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(fields)));
        onBehalfOf.ifPresent(party -> request.header("X-NIX-On-Behalf-Of", party));
        try {
            HttpResponse<byte[]> reply = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply.Answered(reply.statusCode(), reply.body(), reply.headers().firstValue("Retry-After"));
        } catch (HttpTimeoutException late) {
            return new Reply.TimedOut();
        } catch (IOException unreachable) {
            return new Reply.Unreachable();
        }
    }

    private URI inquiries(String service) {
        String base = hub.national().url().toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "api/v1/inquiries/" + service);
    }

    private static SSLContext sslContext(HubProperties hub, ObjectProvider<SslBundles> bundles) {
        String bundle = hub.national().sslBundle();
        if (bundle == null || bundle.isBlank()) {
            throw new IllegalStateException("nix.hub.national.ssl-bundle is required to forward to the national hub");
        }
        return bundles.getObject().getBundle(bundle).createSslContext();
    }
}
