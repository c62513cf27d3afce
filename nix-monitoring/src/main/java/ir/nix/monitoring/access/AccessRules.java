package ir.nix.monitoring.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which roles may call which monitoring paths. Paths not listed here (the inquiry API, the service
 * catalogue, the bus certificate, SOAP, actuator) are not role-protected: inquiry callers are
 * identified by the {@code ConsumerIdentifier} of nix-core, and health and metrics are for the
 * infrastructure.
 */
final class AccessRules {

    private record Rule(String prefix, Set<Role> roles) {
        boolean covers(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private static final Set<Role> EVERYONE = EnumSet.of(Role.OPERATOR, Role.AUDITOR, Role.AGENCY);

    private static final List<Rule> RULES = List.of(
            new Rule("/api/v1/admin", EnumSet.of(Role.OPERATOR)),
            new Rule("/api/v1/grants", EnumSet.of(Role.OPERATOR, Role.AUDITOR)),
            // "Who looked this person up" spans every agency's exchanges: not for agencies. First match wins.
            new Rule("/api/v1/traffic/subject-lookup", EnumSet.of(Role.OPERATOR, Role.AUDITOR)),
            // Agencies see these too, scoped to their own exchanges by the controllers.
            new Rule("/api/v1/traffic", EVERYONE),
            new Rule("/api/v1/reports", EVERYONE),
            new Rule("/api/v1/dashboard", EVERYONE),
            // Every agency's traffic counters: the scraper's credential and operators only, never an agency.
            new Rule("/actuator/prometheus", EnumSet.of(Role.OPERATOR, Role.METRICS)));

    private AccessRules() {
    }

    /** @return the roles allowed on this path, empty when the path is not role-protected */
    static Optional<Set<Role>> rolesFor(String path) {
        return RULES.stream().filter(rule -> rule.covers(path)).findFirst().map(Rule::roles);
    }
}
