package ir.nix.core.identification;

/** The certificate registry file cannot be used; the message names the file and the entry. */
public final class RegistryRejected extends RuntimeException {

    RegistryRejected(String message) {
        super(message);
    }

    RegistryRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
