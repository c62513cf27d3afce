package ir.nix.deploy.security;

import ir.nix.core.identification.RegistryRejected;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a refused start into its one line (and what to do), instead of a stack trace. */
public final class StartRefusedAnalyzer {

    private StartRefusedAnalyzer() {
    }

    /** An unsafe prod configuration. */
    public static final class Unsafe extends AbstractFailureAnalyzer<UnsafeStart> implements FailureAnalyzer {
        @Override
        protected FailureAnalysis analyze(Throwable root, UnsafeStart cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
        }
    }

    /** A certificate registry entry that does not hold. */
    public static final class Registry extends AbstractFailureAnalyzer<RegistryRejected> implements FailureAnalyzer {
        @Override
        protected FailureAnalysis analyze(Throwable root, RegistryRejected cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Correct the entry (or re-run 'java -jar nix-bus.jar pki issue' for it) and start again.", cause);
        }
    }
}
