package ir.nix.monitoring.access;

import ir.nix.core.agency.AgencyCode;
import java.util.Objects;
import java.util.Optional;

/**
 * The party looking at traffic data through the monitoring API: its role and, for {@link Role#AGENCY},
 * which agency it is. Controllers receive it as a handler argument and scope what they return with it.
 */
public record Viewer(Role role, Optional<AgencyCode> agency) {

    public Viewer {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(agency, "agency");
        if (role == Role.AGENCY && agency.isEmpty()) {
            throw new IllegalArgumentException("an AGENCY viewer names its agency");
        }
        if (role != Role.AGENCY) {
            agency = Optional.empty();
        }
    }

    public static Viewer of(Role role) {
        return new Viewer(role, Optional.empty());
    }

    public static Viewer agency(AgencyCode agency) {
        return new Viewer(Role.AGENCY, Optional.of(agency));
    }

    public boolean seesEverything() {
        return role != Role.AGENCY;
    }

    /** Whether an exchange between these parties is visible: always, or when the agency took part in it. */
    public boolean sees(AgencyCode consumer, AgencyCode provider) {
        return sees(consumer == null ? null : consumer.value(), provider == null ? null : provider.value());
    }

    /** As {@link #sees(AgencyCode, AgencyCode)}, for codes as stored and reported. */
    public boolean sees(String consumer, String provider) {
        if (seesEverything()) {
            return true;
        }
        String own = agency.orElseThrow().value();
        return own.equals(consumer) || own.equals(provider);
    }

    /** The agency code rows are restricted to, empty for operators and auditors. */
    public Optional<String> restrictedTo() {
        return agency.map(AgencyCode::value);
    }

    /** How reports and the dashboard state their scope: {@code ALL} or the agency code. */
    public String scope() {
        return restrictedTo().orElse("ALL");
    }
}
