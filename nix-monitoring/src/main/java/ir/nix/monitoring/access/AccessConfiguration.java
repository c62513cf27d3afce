package ir.nix.monitoring.access;

import ir.nix.core.identification.ClientCertificates;
import ir.nix.core.identification.IdentificationProperties;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Operator, auditor and scraper access: one Spring Security filter chain, scoped with
 * {@code securityMatcher} to the operator paths ({@link AccessRules}) and registered with the servlet
 * container on those paths only, so that an inquiry (REST or SOAP) never enters it (issue 12: the
 * inquiry path carries no filter it does not need). How viewers are identified follows
 * {@code nix.identification.mode}: {@code header} (demo, tests) reads {@code X-NIX-Role}; otherwise the
 * TLS client certificate through the certificate registry, and bearer tokens through Spring Security's
 * resource-server filter (the scraper's static token, OIDC JWTs), with {@code /actuator/prometheus}
 * guarded too. Boot's security auto-configuration is not on the class path: it would register a
 * default chain in front of every path.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(AccessProperties.class)
public class AccessConfiguration implements WebMvcConfigurer {

    /** The security chain's name in the servlet container. */
    public static final String FILTER_NAME = "operatorPathSecurity";

    @Bean
    SecurityFilterChain operatorPaths(HttpSecurity http, IdentificationProperties identification, AccessProperties access,
                                      ObjectProvider<ClientCertificates> certificates, JsonMapper json) throws Exception {
        boolean demo = "header".equals(identification.mode());
        AccessProblems problems = new AccessProblems(json, demo ? HeaderViewerResolver.REQUIRED
                : "no client certificate or bearer token was presented; " + CertificateViewerResolver.ASK);
        ViewerResolver viewers = demo ? new HeaderViewerResolver() : new CertificateViewerResolver(certificates.getObject());
        http.securityMatcher(AccessRules.SECURED)
                .authorizeHttpRequests(rules -> AccessRules.apply(rules, demo))
                .addFilterBefore(viewerFilter(viewers, problems), AnonymousAuthenticationFilter.class)
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Stateless API callers with certificates or tokens: no session, no CSRF token, no saved request.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                // ir.nix.core.perimeter.SecurityHeaders sets the security headers on every reply, these included.
                .headers(headers -> headers.disable());
        if (!demo) {
            ProviderManager bearer = new ProviderManager(new BearerTokens(access));
            http.oauth2ResourceServer(tokens -> tokens.authenticationManagerResolver(request -> bearer)
                    .authenticationEntryPoint(problems).accessDeniedHandler(problems));
        }
        return http.build();
    }

    /**
     * The viewer from {@link ViewerResolver} (certificate or demo header), unless a bearer token has
     * already identified one: a refused credential is answered 401 at once, none leaves the request
     * anonymous for the rules to decide (health is open, the rest answers 401).
     */
    private static AuthenticationFilter viewerFilter(ViewerResolver viewers, AccessProblems problems) {
        // The resolver decides (the certificate registry is the authority); the manager only passes its viewer on.
        AuthenticationManager passOn = authentication -> authentication;
        AuthenticationFilter filter = new AuthenticationFilter(passOn, request -> {
            Authentication current = SecurityContextHolder.getContext().getAuthentication();
            if (current != null && current.isAuthenticated()) {
                return null;
            }
            ViewerResolver.Resolution resolution = viewers.resolve(request);
            if (resolution.viewer().isPresent()) {
                return new ViewerAuthentication(resolution.viewer().get());
            }
            if (resolution.presented()) {
                throw new ViewerRefused(resolution.problem());
            }
            return null;
        });
        filter.setSuccessHandler((request, response, authentication) -> {
        });
        filter.setFailureHandler(problems::commence);
        return filter;
    }

    /**
     * The chain's filter on the operator paths only ({@link AccessRules#URL_PATTERNS}), for requests as
     * they arrive: the error page that answers a refusal is not guarded again.
     */
    @Bean
    FilterRegistrationBean<Filter> operatorPathSecurity(@Qualifier("springSecurityFilterChain") Filter chain) {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(chain);
        registration.setName(FILTER_NAME);
        registration.setUrlPatterns(AccessRules.URL_PATTERNS);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** A path Spring Security's firewall refuses ({@code ;}, {@code //}, encoded slashes) is a 400 problem, not a 500. */
    @Bean
    RequestRejectedHandler requestRejected() {
        return new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ViewerArgument());
    }

    /** Lets a handler declare a {@link Viewer} parameter: the one Spring Security has authenticated. */
    private static final class ViewerArgument implements HandlerMethodArgumentResolver {
        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Viewer.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            if (SecurityContextHolder.getContext().getAuthentication() instanceof ViewerAuthentication viewer) {
                return viewer.viewer();
            }
            throw new IllegalStateException("no viewer on a path outside the access rules");
        }
    }
}
