package ir.nix.core.ingress;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Servlet filters every request would pass that no NIX path needs, switched off (issue 12: each ran on
 * every inquiry). Spring's HTTP server observation times each request again beside the bus's own
 * {@code nix_*} metrics, which are what the dashboard and the alert rules read; the request-context filter
 * exposes the request to code outside the dispatcher servlet, and none here looks for it (the dispatcher
 * servlet still exposes it to controllers). The form-content filter is off in {@code application.yml}.
 * Each is replaced by a disabled registration, which makes Spring Boot's own back off.
 */
@Configuration(proxyBeanMethods = false)
class IngressFilters {

    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> httpServerObservationOff() {
        return disabled(new ServerHttpObservationFilter(ObservationRegistry.NOOP));
    }

    @Bean
    RequestContextFilter unusedRequestContextFilter() {
        return new RequestContextFilter();
    }

    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilterOff(RequestContextFilter unusedRequestContextFilter) {
        return disabled(unusedRequestContextFilter);
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> disabled(F filter) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
