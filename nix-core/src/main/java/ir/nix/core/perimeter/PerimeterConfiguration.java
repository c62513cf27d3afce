package ir.nix.core.perimeter;

import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.identification.TlsProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The perimeter: Tomcat's error report valve replaced by {@link ProblemErrorValve}, and the security
 * headers on every reply.
 */
@Configuration(proxyBeanMethods = false)
class PerimeterConfiguration {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorValve(ObjectProvider<MeterRegistry> meters,
                                                                               ObjectProvider<PerimeterRecords> records) {
        return factory -> factory.addContextLifecycleListeners(event -> {
            // The host installs its error valve when it starts, before its contexts: swap it as the context starts.
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && event.getLifecycle() instanceof Context context) {
                replaceErrorValve(context.getParent(), new ProblemErrorValve(meters.getIfAvailable(), records));
            }
        });
    }

    private static void replaceErrorValve(Container host, ProblemErrorValve ours) {
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorValve) {
                return;
            }
            if (valve instanceof ErrorReportValve tomcats) {
                host.getPipeline().removeValve(tomcats);
            }
        }
        host.getPipeline().addValve(ours);
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeaders(TlsProperties tls) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                SecurityHeaders.apply(response, request.isSecure() || tls.behindProxy());
                String path = request.getRequestURI();
                if (path.startsWith("/api/v1/inquiries/") || path.startsWith("/soap/")) {
                    SecurityHeaders.noStore(response);
                }
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
