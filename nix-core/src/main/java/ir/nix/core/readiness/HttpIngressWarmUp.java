package ir.nix.core.readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * One loopback request to this node's own service catalogue ({@code GET /api/v1/services}, no inquiry, no
 * record), so that Tomcat's request processing, the servlet filters, Spring MVC's dispatcher and its JSON
 * conversion are initialised before the first caller pays for them.
 */
@Component
class HttpIngressWarmUp implements WarmUp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ApplicationContext context;

    HttpIngressWarmUp(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "http-ingress";
    }

    @Override
    public void warm() {
        if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        int port = web.getWebServer().getPort();
        if (port <= 0) {
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/services")).timeout(TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException unreachable) {
            throw new IllegalStateException("loopback request failed", unreachable);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
