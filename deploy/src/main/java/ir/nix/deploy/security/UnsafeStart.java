package ir.nix.deploy.security;

/** The prod profile refuses to start this way; the message is the one line the operator reads. */
final class UnsafeStart extends RuntimeException {

    private final String action;

    UnsafeStart(String message, String action) {
        super(message);
        this.action = action;
    }

    String action() {
        return action;
    }
}
