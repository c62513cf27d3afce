package ir.nix.core.identification;

/**
 * One line of the certificate registry file: which certificate, and whom it identifies. A certificate
 * is named by its issuer DN and serial number (hex, as {@code openssl x509 -serial} prints it, colons
 * allowed) or by its SHA-256 fingerprint in any usual notation; it identifies an agency or, for
 * operator access, a role ({@code OPERATOR}, {@code AUDITOR}, {@code METRICS}).
 *
 * @param name        a label for people and the PKI tool (the agency code or the person's name)
 * @param agency      the agency code the certificate identifies, or null
 * @param role        the operator-access role the certificate carries, or null
 * @param issuer      RFC 2253 issuer DN, with {@code serial}
 * @param serial      serial number in hex, with {@code issuer}
 * @param fingerprint SHA-256 fingerprint, instead of issuer and serial
 */
public record RegistryEntry(String name, String agency, String role, String issuer, String serial, String fingerprint) {
}
