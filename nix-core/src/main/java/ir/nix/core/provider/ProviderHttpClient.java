package ir.nix.core.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client adapters share for providers that speak HTTP (REST/JSON or SOAP over HTTP).
 * It turns every transport failure into a {@link ProviderResult}, so adapters only map the protocol.
 *
 * <p>Apache HttpClient 5 in its classic, blocking form with a pooled connection per provider route:
 * the calling thread does the I/O itself. (The JDK 17 client dispatches every exchange through its
 * selector thread and executor; under concurrent load those hand-offs cost milliseconds per call,
 * measured with the benchmark harness.) HTTP/1.1, because government providers rarely speak h2c.
 */
public final class ProviderHttpClient implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 1024;
    private static final int MAX_CONNECTIONS_PER_PROVIDER = 256;

    /** The few content types adapters send, parsed once. */
    private static final Map<String, ContentType> CONTENT_TYPES = new ConcurrentHashMap<>();

    private final CloseableHttpClient client;

    public ProviderHttpClient(Duration connectTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_PROVIDER)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                // Providers answer small documents; asking for gzip would only add a codec to every exchange.
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
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
        HttpPost request = new HttpPost(uri);
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        request.setEntity(new ByteArrayEntity(body, CONTENT_TYPES.computeIfAbsent(contentType, ContentType::parse)));
        headers.forEach(request::setHeader);
        // Closing the connection is what ends a blocking read the provider keeps alive by dripping bytes.
        CallDeadline.current().ifPresent(deadline -> deadline.onExpiry(request::cancel));
        try {
            Reply reply = client.execute(request, response -> new Reply(response.getCode(),
                    response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
            return onReply.apply(reply);
        } catch (ConnectException | ConnectTimeoutException unreachable) {
            return new ProviderResult.Unavailable("provider not reachable at " + uri.getHost() + ":" + uri.getPort());
        } catch (SocketTimeoutException slow) {
            return new ProviderResult.TimedOut("provider did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedIOException interrupted) {
            Thread.currentThread().interrupt();
            return new ProviderResult.Unavailable("bus interrupted while waiting for the provider");
        } catch (IOException broken) {
            return new ProviderResult.Failed("provider connection failed: " + broken.getClass().getSimpleName());
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
