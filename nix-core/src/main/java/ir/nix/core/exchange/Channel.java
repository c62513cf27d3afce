package ir.nix.core.exchange;

/** How an inquiry reached the bus. */
public enum Channel {
    REST,
    SOAP,
    MESSAGING,
    /** Issued by the bus itself, e.g. to check a grant condition. */
    INTERNAL,
    /** Refused by the HTTP perimeter (container, routing) before it reached REST or SOAP. */
    PERIMETER
}
