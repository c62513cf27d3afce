package ir.nix.monitoring.access;

import ir.nix.core.identification.ClientCertificates;
import ir.nix.core.identification.IdentificationProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires role-based access to the monitoring API. How viewers are identified follows
 * {@code nix.identification.mode}: {@code header} (demo, tests) reads {@code X-NIX-Role}; otherwise
 * OIDC bearer tokens and client certificates count, and {@code /actuator/prometheus} is guarded too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessProperties.class)
public class AccessConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<AccessFilter> accessFilter(IdentificationProperties identification, AccessProperties access,
                                                      ObjectProvider<ClientCertificates> certificates, JsonMapper json) {
        boolean demo = "header".equals(identification.mode());
        ViewerResolver viewers = demo
                ? new HeaderViewerResolver()
                : new CredentialViewerResolver(certificates.getObject(), new BearerTokens(access.oidc()));
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(new AccessFilter(viewers, json));
        registration.addUrlPatterns("/api/v1/*");
        if (!demo) {
            // In the demo the scrape stays open like the rest of the demo; in production it shows every agency's counters.
            registration.addUrlPatterns("/actuator/prometheus");
        }
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgument());
    }

    /** Lets a handler declare a {@link Viewer} parameter; the access filter has put it on the request. */
    private static final class ViewerArgument implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Viewer.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            Object viewer = request.getAttribute(AccessFilter.ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
            if (viewer == null) {
                throw new IllegalStateException("no viewer on a path outside the access rules");
            }
            return viewer;
        }
    }
}
