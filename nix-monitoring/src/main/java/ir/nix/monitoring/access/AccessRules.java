package ir.nix.monitoring.access;

import java.util.List;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which roles may call which operator paths, as Spring Security authorization rules, and the servlet
 * URL patterns the security filter chain is registered on. The inquiry API ({@code /api/v1/inquiries/*}),
 * SOAP ({@code /soap/*}), the catalogue, the bus certificate and the dashboard page are outside both:
 * inquiry callers are identified by the {@code ConsumerIdentifier} of nix-core, without passing
 * through any security filter (issue 12: nothing in front of the inquiry hot path it does not need).
 */
final class AccessRules {

    /** Servlet URL patterns ({@code /x/*} covers {@code /x} too) of every path the rules below guard. */
    static final List<String> URL_PATTERNS = List.of("/api/v1/admin/*", "/api/v1/grants/*", "/api/v1/cluster/*",
            "/api/v1/traffic/*", "/api/v1/reports/*", "/api/v1/dashboard/*", "/actuator/*");

    /** The same paths for the chain's {@code securityMatcher}: a request outside them finds no chain. */
    static final String[] SECURED = {"/api/v1/admin/**", "/api/v1/grants/**", "/api/v1/cluster/**",
            "/api/v1/traffic/**", "/api/v1/reports/**", "/api/v1/dashboard/**", "/actuator/**", "/actuator"};

    private static final String OPERATOR = Role.OPERATOR.name();
    private static final String AUDITOR = Role.AUDITOR.name();
    private static final String AGENCY = Role.AGENCY.name();
    private static final String METRICS = Role.METRICS.name();

    private AccessRules() {
    }

    /**
     * @param scrapeOpen whether {@code /actuator/prometheus} is open (the demo: open like the rest of the demo);
     *                   in production it shows every agency's counters and is for the scraper and operators
     */
    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules,
                      boolean scrapeOpen) {
        // Probes need no credential.
        rules.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
        if (scrapeOpen) {
            rules.requestMatchers("/actuator/prometheus").permitAll();
        } else {
            rules.requestMatchers("/actuator/prometheus").hasAnyRole(OPERATOR, METRICS);
        }
        rules.requestMatchers("/api/v1/admin/**").hasRole(OPERATOR)
                // The exchange centre's grants and nodes, not one agency's traffic.
                .requestMatchers("/api/v1/grants/**", "/api/v1/cluster/**").hasAnyRole(OPERATOR, AUDITOR)
                // "Who looked this person up" spans every agency's exchanges: not for agencies. First match wins.
                .requestMatchers("/api/v1/traffic/subject-lookup").hasAnyRole(OPERATOR, AUDITOR)
                // Agencies see these too, scoped to their own exchanges by the controllers.
                .requestMatchers("/api/v1/traffic/**", "/api/v1/reports/**", "/api/v1/dashboard/**")
                .hasAnyRole(OPERATOR, AUDITOR, AGENCY)
                // Any other actuator endpoint (info, the endpoint index): operators.
                .anyRequest().hasRole(OPERATOR);
    }
}
