package ir.nix.deploy.cli.keys;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.publication.keys.KeyOutcome;
import ir.nix.core.publication.keys.KeyVersion;
import ir.nix.core.publication.keys.PublicationKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nix-bus keys issue|rotate|list}: subscribers' publication keys (docs/publications.md). A key is
 * derived from the master key and printed once, to be handed to the subscriber over a protected channel;
 * the registry file records only versions and dates. The bus picks a change up at its next delivery.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Issues and rotates subscribers' publication keys (master key from NIX_PUBLICATION_MASTER_KEY "
                + "or --master-key-file).",
        subcommands = {KeysCommand.Issue.class, KeysCommand.Rotate.class, KeysCommand.ListVersions.class})
public final class KeysCommand {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final String MASTER_KEY_VARIABLE = "NIX_PUBLICATION_MASTER_KEY";

    /** What every command shares: the registry, the master key and the output. */
    abstract static class OnRegistry implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--registry", paramLabel = "FILE", defaultValue = "./nix-data/publication-keys.txt",
                description = "the key registry file (nix.publication.key-registry); default ${DEFAULT-VALUE}")
        Path registry;

        @Option(names = "--master-key-file", paramLabel = "FILE",
                description = "file holding the base64 master key, instead of $" + MASTER_KEY_VARIABLE)
        Path masterKeyFile;

        @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "P14D",
                description = "ISO-8601 duration the previous version stays in use after a rotation; default ${DEFAULT-VALUE}")
        Duration overlap;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PublicationKeys keys() throws IOException {
            Optional<String> master = masterKeyFile != null
                    ? Optional.of(Files.readString(masterKeyFile, StandardCharsets.US_ASCII))
                    : Optional.ofNullable(System.getenv(MASTER_KEY_VARIABLE));
            return new PublicationKeys(master, registry, overlap);
        }

        int report(KeyOutcome outcome) {
            if (outcome instanceof KeyOutcome.Refused refused) {
                spec.commandLine().getErr().println("error: " + refused.reason());
                return REFUSED;
            }
            KeyOutcome.Issued issued = (KeyOutcome.Issued) outcome;
            out().println(issued.agency().value() + " publication key version " + issued.version() + " (issued "
                    + issued.issuedAt() + "):");
            out().println(issued.key());
            issued.previousAcceptedUntil().ifPresent(until -> out().println("version " + (issued.version() - 1)
                    + " stays in use beside it until " + until));
            out().println("Hand the key to " + issued.agency().value() + " over a protected channel; NIX keeps only "
                    + "its version, in " + registry + ".");
            return DONE;
        }
    }

    /** Commands that name the subscriber. */
    abstract static class ForAgency extends OnRegistry {
        @Option(names = "--agency", required = true, paramLabel = "CODE", description = "the subscriber's agency code")
        String agency;

        @Override
        public Integer call() throws IOException {
            if (!AgencyCode.isWellFormed(agency)) {
                spec.commandLine().getErr().println("error: '" + agency + "' is not an agency code");
                return REFUSED;
            }
            return report(run(keys(), new AgencyCode(agency), Instant.now()));
        }

        abstract KeyOutcome run(PublicationKeys keys, AgencyCode agency, Instant now);
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, description = "Issues a subscriber's first key (version 1).")
    static final class Issue extends ForAgency {
        @Override
        KeyOutcome run(PublicationKeys keys, AgencyCode agency, Instant now) {
            return keys.issue(agency, now);
        }
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Issues the next key version; the previous one stays in use for the overlap.")
    static final class Rotate extends ForAgency {
        @Override
        KeyOutcome run(PublicationKeys keys, AgencyCode agency, Instant now) {
            return keys.rotate(agency, now);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the issued key versions (no keys).")
    static final class ListVersions extends OnRegistry {
        @Override
        public Integer call() throws IOException {
            for (KeyVersion version : keys().versions()) {
                out().println(version.agency().value() + " " + version.version() + " " + version.issuedAt());
            }
            return DONE;
        }
    }
}
