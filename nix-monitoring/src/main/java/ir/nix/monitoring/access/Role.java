package ir.nix.monitoring.access;

/**
 * Who may see what of the exchange (003 Art. 31.5: reporting to every stakeholder). Operators run the
 * bus, auditors inspect it, agencies see the exchanges they took part in.
 */
public enum Role {
    /** Runs the bus: everything, including {@code /api/v1/admin/**}. */
    OPERATOR,
    /** Inspects the bus: every exchange, report and grant; no administration. */
    AUDITOR,
    /** A consumer or provider agency: only exchanges where it is the consumer or the provider. */
    AGENCY,
    /** The metrics scraper: {@code /actuator/prometheus} and nothing else. */
    METRICS
}
