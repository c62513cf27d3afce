package ir.nix.core.provider;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * The one HTTP client adapters share for providers that speak HTTP (REST/JSON or SOAP over HTTP).
 * It turns every transport failure into a {@link ProviderResult}, so adapters only map the protocol.
 *
 * <p>A single JDK client keeps a connection pool per provider host; HTTP/1.1 because government
 * providers rarely speak h2c.
 */
public final class ProviderHttpClient {

    private final HttpClient client;

    public ProviderHttpClient(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A provider's HTTP reply, body as bytes; the adapter decides what a status means. */
    public record Reply(int status, byte[] body) {
    }

    /**
     * Posts {@code body} and maps the reply with {@code onReply}; transport failures become
     * {@link ProviderResult.TimedOut} or {@link ProviderResult.Unavailable}.
     */
    public ProviderResult post(URI uri, String contentType, byte[] body, Map<String, String> headers, Duration timeout,
                               Function<Reply, ProviderResult> onReply) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return onReply.apply(new Reply(response.statusCode(), response.body()));
        } catch (HttpConnectTimeoutException | ConnectException unreachable) {
            return new ProviderResult.Unavailable("provider not reachable at " + uri.getHost() + ":" + uri.getPort());
        } catch (HttpTimeoutException slow) {
            return new ProviderResult.TimedOut("provider did not answer within " + timeout.toMillis() + " ms");
        } catch (IOException broken) {
            return new ProviderResult.Failed("provider connection failed: " + broken.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ProviderResult.Unavailable("bus interrupted while waiting for the provider");
        }
    }
}
