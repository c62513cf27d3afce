package ir.nix.core.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnectionFactory;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.DefaultHttpProcessor;
import org.apache.hc.core5.http.protocol.HttpCoreContext;
import org.apache.hc.core5.http.protocol.HttpProcessor;
import org.apache.hc.core5.http.protocol.RequestConnControl;
import org.apache.hc.core5.http.protocol.RequestContent;
import org.apache.hc.core5.http.protocol.RequestTargetHost;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolEntry;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.pool.StrictConnPool;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client adapters share for providers that speak HTTP (REST/JSON or SOAP over HTTP).
 * It turns every transport failure into a {@link ProviderResult}, so adapters only map the protocol.
 *
 * <p>HTTP/1.1 on pooled keep-alive connections, blocking, on the calling thread, built from Apache HttpCore 5's
 * classic parts: its connection pool ({@link StrictConnPool}, per provider route), its connection and its request
 * executor. Not HttpClient 5's {@code CloseableHttpClient}: its execution chain (redirects, retries, cookies,
 * authentication, protocol and connection bookkeeping, URI re-parsing per exchange) was three quarters of the
 * provider call's CPU in the profile, and the bus needs none of it — a provider is called at one fixed address,
 * never redirected, never retried here (retries are the isolation layer's decision). (Before that: the JDK 17 client
 * dispatched every exchange through its selector thread and executor; those hand-offs cost milliseconds per call.)
 * HTTP/1.1, because government providers rarely speak h2c; {@code https} base URLs are verified against the JVM's
 * trust store with host-name checking, as a browser would.
 */
public final class ProviderHttpClient implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 1024;
    private static final int MAX_CONNECTIONS_PER_PROVIDER = 256;
    /** A pooled connection idle this long is checked for a close by the provider before it is used again. */
    private static final long VALIDATE_AFTER_IDLE_MS = 2_000;
    /** Idle connections are closed after this long (providers' servers close theirs after 60 s or so). */
    private static final TimeValue EVICT_IDLE = TimeValue.ofSeconds(30);

    /** The few content types adapters send, parsed once. */
    private static final Map<String, ContentType> CONTENT_TYPES = new ConcurrentHashMap<>();

    private final Timeout connectTimeout;
    private final StrictConnPool<HttpHost, DefaultBHttpClientConnection> pool = new StrictConnPool<>(
            MAX_CONNECTIONS_PER_PROVIDER, MAX_CONNECTIONS, TimeValue.NEG_ONE_MILLISECOND, PoolReusePolicy.LIFO, null);
    private final DefaultBHttpClientConnectionFactory connections = DefaultBHttpClientConnectionFactory.builder().build();
    private final HttpRequestExecutor executor = new HttpRequestExecutor();
    private final HttpProcessor processor = new DefaultHttpProcessor(new RequestContent(), new RequestTargetHost(),
            new RequestConnControl());
    private final TimeValue evictIdle;
    private volatile long lastEviction = System.nanoTime();

    public ProviderHttpClient(Duration connectTimeout) {
        this(connectTimeout, EVICT_IDLE);
    }

    ProviderHttpClient(Duration connectTimeout, TimeValue evictIdle) {
        this.connectTimeout = Timeout.of(connectTimeout);
        this.evictIdle = evictIdle;
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
        HttpHost host = new HttpHost(uri.getScheme(), uri.getHost(), port(uri));
        BasicClassicHttpRequest request = new BasicClassicHttpRequest("POST", host, target(uri));
        request.setEntity(new ByteArrayEntity(body, CONTENT_TYPES.computeIfAbsent(contentType, ContentType::parse)));
        headers.forEach(request::setHeader);
        PoolEntry<HttpHost, DefaultBHttpClientConnection> entry;
        try {
            entry = lease(host, timeout);
        } catch (TimeoutException busy) {
            return new ProviderResult.Unavailable("no connection to the provider free within " + timeout.toMillis() + " ms");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new ProviderResult.Unavailable("bus interrupted while waiting for the provider");
        }
        boolean reusable = false;
        // Whoever takes this first owns the connection's end: the deadline (closes it) or this call (keeps or pools it).
        // The deadline stays armed until the guard closes it, after this call has released the connection to the pool,
        // so without the claim a late expiry could close a connection another inquiry has leased meanwhile.
        AtomicBoolean held = new AtomicBoolean(true);
        try {
            DefaultBHttpClientConnection connection = open(entry, host, uri);
            connection.setSocketTimeout(Timeout.of(timeout));
            // Closing the connection is what ends a blocking read the provider keeps alive by dripping bytes.
            CallDeadline.current().ifPresent(deadline -> deadline.onExpiry(() -> {
                if (held.compareAndSet(true, false)) {
                    connection.close(CloseMode.IMMEDIATE);
                }
            }));
            HttpCoreContext context = HttpCoreContext.create();
            executor.preProcess(request, processor, context);
            Reply reply;
            try (ClassicHttpResponse response = executor.execute(request, connection, context)) {
                executor.postProcess(response, processor, context);
                reply = new Reply(response.getCode(),
                        response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity()));
                reusable = response.getCode() != HttpStatus.SC_REQUEST_TIMEOUT
                        && executor.keepAlive(request, response, connection, context);
            }
            return onReply.apply(reply);
        } catch (ConnectException unreachable) {
            return new ProviderResult.Unavailable("provider not reachable at " + uri.getHost() + ":" + uri.getPort());
        } catch (SocketTimeoutException slow) {
            return new ProviderResult.TimedOut("provider did not answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedIOException interrupted) {
            Thread.currentThread().interrupt();
            return new ProviderResult.Unavailable("bus interrupted while waiting for the provider");
        } catch (IOException | HttpException broken) {
            return new ProviderResult.Failed("provider connection failed: " + broken.getClass().getSimpleName());
        } finally {
            if (!held.compareAndSet(true, false)) {
                reusable = false;   // the deadline closed it
            }
            if (!reusable) {
                entry.discardConnection(CloseMode.IMMEDIATE);
            } else {
                // The pool never stamps a release: without this an entry's "updated" stays its connection's birth, so
                // from two seconds of age every lease paid the staleness probe (a 1 ms blocking read ending in a
                // SocketTimeoutException) and every 30 s a connection in steady use was evicted as idle.
                entry.updateState(null);
            }
            pool.release(entry, reusable);
            evictIdleNowAndThen();
        }
    }

    private PoolEntry<HttpHost, DefaultBHttpClientConnection> lease(HttpHost host, Duration timeout)
            throws TimeoutException, InterruptedException {
        Future<PoolEntry<HttpHost, DefaultBHttpClientConnection>> lease = pool.lease(host, null, Timeout.of(timeout), null);
        try {
            return lease.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            throw new TimeoutException(failed.getCause().getClass().getSimpleName());
        } catch (TimeoutException | InterruptedException waited) {
            lease.cancel(true);
            throw waited;
        }
    }

    /** The entry's pooled connection if it is still usable, else a new one, connected (and for https, handshaken). */
    private DefaultBHttpClientConnection open(PoolEntry<HttpHost, DefaultBHttpClientConnection> entry, HttpHost host, URI uri)
            throws IOException {
        DefaultBHttpClientConnection pooled = entry.getConnection();
        if (pooled != null && pooled.isOpen()
                && (System.currentTimeMillis() - entry.getUpdated() < VALIDATE_AFTER_IDLE_MS || !pooled.isStale())) {
            return pooled;
        }
        entry.discardConnection(CloseMode.IMMEDIATE);
        // Resolved for each new connection only, so a provider's DNS change reaches the next connection.
        InetSocketAddress address = new InetSocketAddress(host.getHostName(), host.getPort());
        if (address.isUnresolved()) {
            throw new UnknownHostException("provider host not resolved");
        }
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, connectTimeout.toMillisecondsIntBound());
        } catch (SocketTimeoutException slowToConnect) {
            socket.close();
            throw new ConnectException("connect timed out");
        } catch (IOException refused) {
            socket.close();
            throw refused;
        }
        DefaultBHttpClientConnection connection;
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            SSLSocket tls = (SSLSocket) tlsSockets().createSocket(socket, host.getHostName(), host.getPort(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(connectTimeout.toMillisecondsIntBound());
            tls.startHandshake();
            connection = connections.createConnection(tls, socket);
        } else {
            connection = connections.createConnection(socket);
        }
        entry.assignConnection(connection);
        return connection;
    }

    private static SSLSocketFactory tlsSockets() throws IOException {
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (java.security.NoSuchAlgorithmException unavailable) {
            throw new IOException("no TLS in this JVM", unavailable);
        }
    }

    /** Closes connections idle longer than {@link #EVICT_IDLE} (30 s), at most once a second, on a caller's thread. */
    private void evictIdleNowAndThen() {
        long now = System.nanoTime();
        if (now - lastEviction > 1_000_000_000L) {
            lastEviction = now;
            pool.closeIdle(evictIdle);
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The request target: the URI's path and query as written, {@code /} when it has no path. */
    private static String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    @Override
    public void close() {
        pool.close(CloseMode.GRACEFUL);
    }
}
