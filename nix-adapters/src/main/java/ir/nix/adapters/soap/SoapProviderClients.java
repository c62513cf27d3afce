package ir.nix.adapters.soap;

import ir.nix.core.provider.CallDeadline;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.provider.ProvidersProperties;
import ir.nix.core.startup.BackgroundStart;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.bus.CXFBusFactory;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * CXF JAX-WS clients for the provider agencies that speak SOAP, and the one place where a SOAP call's
 * transport failures become {@link ProviderResult}s, so that adapters only map their provider's protocol.
 *
 * <p>Each adapter creates one proxy, once; a proxy is shared by every request thread. What differs per
 * call (the endpoint address, which a simulated provider registers only at startup, and the service's
 * receive timeout) travels in a <em>thread-local</em> request context, so concurrent calls never see
 * each other's settings. The connect timeout is the bus-wide {@code nix.provider-connect-timeout}.
 *
 * <p>The clients run on a CXF bus of their own: features installed on another bus (a SOAP ingress's
 * message logging, say) must never apply to provider traffic, because payloads stay out of the logs
 * (003 Art. 31.4).
 *
 * <p>Building a proxy (CXF's service model, JAXB, the warm-up round trip) takes seconds at start, and no other
 * bean needs the proxy while the context is built: adapters ask for theirs with {@link #proxyInBackground},
 * the proxies are built one after another on a start thread ({@link BackgroundStart}), and the context waits
 * for all of them once every bean exists, before the node takes traffic.
 */
@Component
public class SoapProviderClients implements DisposableBean, SmartInitializingSingleton {

    /** CXF's per-thread request context: a proxy is shared, its per-call settings are not. */
    private static final String THREAD_LOCAL_CONTEXT = "thread.local.request.context";
    /** Read by CXF's HTTP conduit per message, overriding the conduit's policy. */
    private static final String RECEIVE_TIMEOUT = "jakarta.xml.ws.client.receiveTimeout";
    /** A proxy needs an address to be built; every call replaces it. */
    private static final String UNRESOLVED = "http://127.0.0.1:9/unresolved";
    private static final byte[] WARM_UP_FAULT = ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
            + "<soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>warm-up</faultstring></soap:Fault>"
            + "</soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SoapProviderClients.class);

    private final Bus bus;
    private final Duration connectTimeout;
    /** Proxies being built, in the order asked for; each waits for the one before (one CXF bus, one builder at a time). */
    private final List<BackgroundStart<?>> building = new ArrayList<>();

    public SoapProviderClients(ProvidersProperties properties) {
        this.connectTimeout = properties.providerConnectTimeout();
        Bus callersBus = BusFactory.getThreadDefaultBus(false);
        this.bus = new CXFBusFactory().createBus();
        // Creating a bus makes it the thread's default; give the creating thread its own back.
        BusFactory.setThreadDefaultBus(callersBus);
        bus.setProperty(FaultListener.class.getName(), (FaultListener) SoapProviderClients::faultOccurred);
        bus.getInInterceptors().add(new ReplyDeadline());
    }

    /**
     * A proxy of {@code endpointInterface}, built on a start thread after the proxies asked for before it;
     * {@link BackgroundStart#get()} waits for it (the context does, before the node takes traffic).
     */
    public synchronized <T> BackgroundStart<T> proxyInBackground(Class<T> endpointInterface) {
        BackgroundStart<?> before = building.isEmpty() ? null : building.get(building.size() - 1);
        BackgroundStart<T> proxy = BackgroundStart.run("soap-client-" + endpointInterface.getSimpleName(), () -> {
            if (before != null) {
                before.get();
            }
            return proxy(endpointInterface);
        });
        building.add(proxy);
        return proxy;
    }

    /** The start waits here for every proxy asked for, and fails here when one could not be built. */
    @Override
    public void afterSingletonsInstantiated() {
        List<BackgroundStart<?>> proxies;
        synchronized (this) {
            proxies = List.copyOf(building);
        }
        proxies.forEach(BackgroundStart::get);
    }

    /** A proxy of {@code endpointInterface} (a wsdl2java-generated port type), configured once. */
    public <T> T proxy(Class<T> endpointInterface) {
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(endpointInterface);
        factory.setAddress(UNRESOLVED);
        T proxy = endpointInterface.cast(factory.create());
        ((BindingProvider) proxy).getRequestContext().put(THREAD_LOCAL_CONTEXT, Boolean.TRUE.toString());
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(connectTimeout.toMillis());
        policy.setAutoRedirect(false);
        ((HTTPConduit) ClientProxy.getClient(proxy).getConduit()).setClient(policy);
        warmUp(proxy, endpointInterface);
        return proxy;
    }

    /**
     * Ready means ready: the first call through a fresh proxy builds CXF's interceptor chains, JAXB
     * marshallers, the JDK HTTP client and the reply parser, seconds on a busy machine, which a provider's
     * deadline counts. One round trip at start, to a loopback stand-in that answers every call with a SOAP
     * fault, does that work before the bus accepts inquiries. It carries no data (empty and zero arguments).
     */
    private static <T> void warmUp(T proxy, Class<T> endpointInterface) {
        HttpServer standIn;
        try {
            standIn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            return;
        }
        standIn.createContext("/", SoapProviderClients::answerWithFault);
        standIn.start();
        try {
            warmUp(proxy, endpointInterface, standIn.getAddress().getPort());
        } finally {
            standIn.stop(0);
        }
    }

    private static void answerWithFault(HttpExchange exchange) throws IOException {
        try (exchange; InputStream request = exchange.getRequestBody()) {
            request.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(500, WARM_UP_FAULT.length);
            exchange.getResponseBody().write(WARM_UP_FAULT);
        }
    }

    private static <T> void warmUp(T proxy, Class<T> endpointInterface, int port) {
        Method operation = Arrays.stream(endpointInterface.getMethods())
                .filter(method -> method.getDeclaringClass() == endpointInterface)
                .min(Comparator.comparing(Method::getName)).orElse(null);
        if (operation == null) {
            return;
        }
        Map<String, Object> context = ((BindingProvider) proxy).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "http://127.0.0.1:" + port + "/warm-up");
        context.put(RECEIVE_TIMEOUT, WARM_UP_TIMEOUT.toMillis());
        try {
            operation.invoke(proxy, Arrays.stream(operation.getParameterTypes()).map(SoapProviderClients::placeholder).toArray());
        } catch (ReflectiveOperationException | RuntimeException expected) {
            // The stand-in's fault, as intended: the client is warm.
        } finally {
            context.clear();
        }
    }

    private static Object placeholder(Class<?> type) {
        if (type == String.class) {
            return "";
        }
        if (!type.isPrimitive()) {
            return null;
        }
        return type == boolean.class ? Boolean.FALSE : type == long.class ? 0L : type == double.class ? 0.0d
                : type == float.class ? 0.0f : type == char.class ? (Object) '0' : type == short.class ? (short) 0
                : type == byte.class ? (byte) 0 : (Object) 0;
    }


    /** One SOAP operation and the mapping of its reply; declared faults are the operation's to map. */
    @FunctionalInterface
    public interface Operation<T> {
        ProviderResult call(T port) throws Exception;
    }

    /**
     * Calls {@code operation} on {@code proxy} at {@code address}, waiting at most {@code timeout} for the
     * reply. An undeclared SOAP fault is a provider error; a slow provider is {@link ProviderResult.TimedOut},
     * an unreachable one {@link ProviderResult.Unavailable}. Details name the provider, never the payload.
     */
    public <T> ProviderResult call(String provider, T proxy, URI address, Duration timeout, Operation<T> operation) {
        Map<String, Object> context = ((BindingProvider) proxy).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address.toString());
        context.put(RECEIVE_TIMEOUT, timeout.toMillis());
        try {
            return operation.call(proxy);
        } catch (SOAPFaultException fault) {
            return soapFault(provider, fault.getFault().getFaultCodeAsQName().getLocalPart());
        } catch (WebServiceException failure) {
            return transportFailure(provider, address, timeout, failure);
        } catch (RuntimeException unexpected) {
            return new ProviderResult.Failed(provider + " reply could not be read (" + unexpected.getClass().getSimpleName() + ")");
        } catch (Exception undeclared) {
            return new ProviderResult.Failed(provider + " answered with an unexpected fault");
        }
    }

    private static ProviderResult soapFault(String provider, String faultCode) {
        return new ProviderResult.Failed(provider + " answered with a SOAP fault (" + faultCode + ")");
    }

    private static ProviderResult transportFailure(String provider, URI address, Duration timeout, WebServiceException failure) {
        // Without a SAAJ implementation CXF cannot build a SOAPFaultException and hands over its own SoapFault.
        SoapFault fault = cause(failure, SoapFault.class);
        if (fault != null) {
            return soapFault(provider, fault.getFaultCode().getLocalPart());
        }
        // Unreachable is decided first: a connect timeout is also an HttpTimeoutException.
        if (causedBy(failure, ConnectException.class, HttpConnectTimeoutException.class, UnknownHostException.class,
                NoRouteToHostException.class)) {
            return new ProviderResult.Unavailable(provider + " not reachable at " + address.getHost() + ":" + address.getPort());
        }
        if (causedBy(failure, SocketTimeoutException.class, HttpTimeoutException.class)) {
            return new ProviderResult.TimedOut(provider + " did not answer within " + timeout.toMillis() + " ms");
        }
        return new ProviderResult.Failed(provider + " call failed: " + rootCause(failure).getClass().getSimpleName());
    }

    @SafeVarargs
    private static boolean causedBy(Throwable failure, Class<? extends Throwable>... kinds) {
        for (Class<? extends Throwable> kind : kinds) {
            if (cause(failure, kind) != null) {
                return true;
            }
        }
        return false;
    }

    private static <E extends Throwable> E cause(Throwable failure, Class<E> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.isInstance(cause)) {
                return kind.cast(cause);
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * Every failure of a call becomes a {@link ProviderResult} the pipeline records, so CXF's own WARN with a
     * stack trace per failed call would only repeat it (style: no logging per request above DEBUG).
     */
    private static boolean faultOccurred(Exception failure, String operation, Message message) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("SOAP call {} failed: {}", operation, rootCause(failure).getClass().getSimpleName());
        }
        return false;
    }

    /**
     * Hands the reply stream to the call's deadline, which closes it when the deadline passes: a provider
     * dripping its reply keeps every single read short, and CXF drains what is left after a failed read.
     */
    private static final class ReplyDeadline extends AbstractPhaseInterceptor<Message> {

        ReplyDeadline() {
            super(Phase.RECEIVE);
        }

        @Override
        public void handleMessage(Message message) {
            InputStream reply = message.getContent(InputStream.class);
            if (reply != null) {
                CallDeadline.current().ifPresent(deadline -> deadline.onExpiry(() -> closeQuietly(reply)));
            }
        }

        private static void closeQuietly(InputStream reply) {
            try {
                reply.close();
            } catch (IOException alreadyBroken) {
                // The reply is abandoned either way.
            }
        }
    }

    @Override
    public void destroy() {
        bus.shutdown(false);
    }
}
