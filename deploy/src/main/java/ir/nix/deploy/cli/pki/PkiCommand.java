package ir.nix.deploy.cli.pki;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.identification.CertificateRegistry;
import ir.nix.core.identification.RegistryEntry;
import ir.nix.deploy.cli.pki.CertificateAuthority.Issued;
import ir.nix.deploy.cli.pki.CertificateAuthority.Purpose;
import ir.nix.deploy.cli.pki.CertificateAuthority.Validity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nix-bus pki …}: a small CA for a NIX deployment (003 Part 3 Art. 13, PKI for e-government):
 * the CA, the bus's server certificate and signing key, agency and operator certificates, the
 * certificate registry and the CRL, in the directory layout of docs/operators.md. An organisation with
 * its own CA uses that instead and writes the registry itself; the bus reads plain files either way.
 */
@Command(name = "pki", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Makes the CA, certificates, certificate registry and CRL of a NIX deployment in DIR.",
        subcommands = {PkiCommand.InitCa.class, PkiCommand.IssueServer.class, PkiCommand.Issue.class,
                PkiCommand.Revoke.class, PkiCommand.IssueSigning.class})
public final class PkiCommand {

    static final int DONE = 0;
    static final int REFUSED = 1;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Duration CRL_VALIDITY = Duration.ofDays(30);

    /** What every command shares: the directory and the output. */
    abstract static class InDirectory implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the PKI directory")
        Path dir;

        PkiDirectory directory() {
            return new PkiDirectory(dir, out());
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        int refuse(String message) {
            spec.commandLine().getErr().println("error: " + message);
            return REFUSED;
        }

        @Override
        public Integer call() throws IOException, GeneralSecurityException {
            return run(directory());
        }

        abstract int run(PkiDirectory directory) throws IOException, GeneralSecurityException;
    }

    @Command(name = "init-ca", mixinStandardHelpOptions = true,
            description = "Creates the CA (ca.crt.pem, ca.key.pem), an empty registry.yml and an empty crl.pem.")
    static final class InitCa extends InDirectory {
        @Option(names = "--name", paramLabel = "DN", defaultValue = "CN=NIX Agency CA,O=NIX,C=IR",
                description = "the CA's distinguished name (default: ${DEFAULT-VALUE})")
        String name;

        @Option(names = "--days", paramLabel = "N", defaultValue = "3650", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days;

        @Override
        int run(PkiDirectory directory) throws IOException, GeneralSecurityException {
            if (directory.exists(PkiDirectory.CA_KEY)) {
                return refuse(directory.file(PkiDirectory.CA_KEY) + " exists: a directory holds one CA, and it is never overwritten");
            }
            Issued ca = CertificateAuthority.newCa(name, new Validity(Instant.now(), Duration.ofDays(days)));
            directory.writeKey(directory.file(PkiDirectory.CA_KEY), ca.key());
            directory.writeCertificates(directory.file(PkiDirectory.CA_CERTIFICATE), List.of(ca.certificate()));
            directory.writeCrl(new CertificateAuthority(ca).crl(Optional.empty(), Optional.empty(), CRL_VALIDITY));
            directory.writeRegistry(directory.registry());
            return DONE;
        }
    }

    @Command(name = "issue-server", mixinStandardHelpOptions = true,
            description = "Issues the bus's TLS server certificate (server.crt.pem with the CA, server.key.pem).")
    static final class IssueServer extends InDirectory {
        @Option(names = "--host", required = true, split = ",", paramLabel = "HOST",
                description = "host names or IP addresses the bus is reached by (comma-separated)")
        List<String> hosts;

        @Option(names = "--days", paramLabel = "N", defaultValue = "825", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days;

        @Override
        int run(PkiDirectory directory) throws IOException, GeneralSecurityException {
            CertificateAuthority ca = directory.ca();
            Issued server = ca.issue("CN=" + hosts.get(0) + ",OU=NIX bus,O=NIX", Purpose.SERVER,
                    new Validity(Instant.now(), Duration.ofDays(days)), hosts);
            directory.writeKey(directory.file(PkiDirectory.SERVER_KEY), server.key());
            directory.writeCertificates(directory.file(PkiDirectory.SERVER_CERTIFICATE), List.of(server.certificate(), ca.certificate()));
            return DONE;
        }
    }

    @Command(name = "issue", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = {"Issues an agency's client certificate (--agency) or a person's (--person, --role) into issued/, "
                    + "and registers it in registry.yml."})
    static final class Issue extends InDirectory {
        @Option(names = "--agency", paramLabel = "CODE", description = "the agency code the certificate identifies")
        String agency;

        @Option(names = "--person", paramLabel = "NAME", description = "an operator, auditor or the metrics scraper")
        String person;

        @Option(names = "--role", paramLabel = "ROLE", description = "with --person: OPERATOR, AUDITOR or METRICS")
        String role;

        @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days;

        @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD",
                description = "first day of validity (UTC), to issue ahead of a start date (default: now)")
        LocalDate validFrom;

        @Option(names = "--password", paramLabel = "PW",
                description = "password of the .p12 file (default: a random one, printed)")
        String password;

        @Override
        int run(PkiDirectory directory) throws IOException, GeneralSecurityException {
            String name = validated();
            if (Files.exists(directory.issued(name, ".crt.pem"))) {
                return refuse(directory.issued(name, ".crt.pem") + " exists: revoke it first, then issue again");
            }
            CertificateAuthority ca = directory.ca();
            Instant from = validFrom == null ? Instant.now() : validFrom.atStartOfDay(ZoneOffset.UTC).toInstant();
            String subject = agency != null ? "CN=" + agency + ",OU=Agencies,O=NIX" : "CN=" + person + ",OU=" + role + ",O=NIX";
            Issued issued = ca.issue(subject, Purpose.CLIENT, new Validity(from, Duration.ofDays(days)), List.of());
            List<X509Certificate> chain = List.of(issued.certificate(), ca.certificate());
            String secret = password != null ? password : randomPassword();
            directory.writeKey(directory.issued(name, ".key.pem"), issued.key());
            directory.writeCertificates(directory.issued(name, ".crt.pem"), chain);
            directory.writeKeyStore(directory.issued(name, ".p12"), name.toLowerCase(java.util.Locale.ROOT), issued.key(), chain,
                    secret.toCharArray());
            if (password == null) {
                out().println("password of " + directory.issued(name, ".p12") + ": " + secret);
            }
            List<RegistryEntry> registry = directory.registry();
            registry.add(new RegistryEntry(name, agency, role, issued.certificate().getIssuerX500Principal().getName(),
                    CertificateRegistry.serialHex(issued.certificate().getSerialNumber()), null));
            directory.writeRegistry(registry);
            return DONE;
        }

        private String validated() {
            if ((agency == null) == (person == null)) {
                throw new ParameterException(spec.commandLine(), "give --agency CODE or --person NAME --role ROLE");
            }
            if (agency != null) {
                if (role != null) {
                    throw new ParameterException(spec.commandLine(), "--role goes with --person, not --agency");
                }
                if (!AgencyCode.isWellFormed(agency)) {
                    throw new ParameterException(spec.commandLine(), "--agency: an agency code is upper-case letters and digits");
                }
                return agency;
            }
            if (role == null || !CertificateRegistry.ROLES.contains(role)) {
                throw new ParameterException(spec.commandLine(), "--person needs --role OPERATOR, AUDITOR or METRICS");
            }
            if (!FILE_NAME.matcher(person).matches()) {
                throw new ParameterException(spec.commandLine(),
                        "--person: letters, digits, '.', '_' and '-' only (it names the files in issued/)");
            }
            return person;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revokes an issued certificate: adds it to crl.pem (re-signed) and removes it from registry.yml.")
    static final class Revoke extends InDirectory {
        @Option(names = "--name", required = true, paramLabel = "CODE_OR_NAME", description = "the agency code or person name it was issued to")
        String name;

        @Override
        int run(PkiDirectory directory) throws IOException, GeneralSecurityException {
            Path file = directory.issued(name, ".crt.pem");
            if (!FILE_NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
                return refuse("no certificate was issued to " + name + " in " + dir);
            }
            CertificateAuthority ca = directory.ca();
            X509Certificate certificate = ir.nix.core.signing.CertificatePem.decode(Files.readString(file));
            directory.writeCrl(ca.crl(directory.crl(), Optional.of(certificate.getSerialNumber()), CRL_VALIDITY));
            List<RegistryEntry> registry = directory.registry();
            String serial = CertificateRegistry.serialHex(certificate.getSerialNumber());
            registry.removeIf(entry -> serial.equalsIgnoreCase(entry.serial()) || name.equals(entry.name()));
            directory.writeRegistry(registry);
            Files.move(file, directory.issued(name, ".revoked-" + serial + ".crt.pem"));
            out().println("revoked serial " + serial + " (" + name + "); the bus re-reads crl.pem within seconds");
            return DONE;
        }
    }

    @Command(name = "issue-signing", mixinStandardHelpOptions = true,
            description = "Issues the bus signing key (signing.p12, alias nix-bus) for nix.signing.key-store.")
    static final class IssueSigning extends InDirectory {
        @Option(names = "--password", required = true, paramLabel = "PW", description = "password of signing.p12 (nix.signing.key-store-password)")
        String password;

        @Option(names = "--days", paramLabel = "N", defaultValue = "1825", description = "validity in days (default: ${DEFAULT-VALUE})")
        int days;

        @Override
        int run(PkiDirectory directory) throws IOException, GeneralSecurityException {
            if (directory.exists(PkiDirectory.SIGNING)) {
                return refuse(directory.file(PkiDirectory.SIGNING) + " exists: signed reports and checkpoints rest on it");
            }
            CertificateAuthority ca = directory.ca();
            Issued signing = ca.issue("CN=NIX bus signing,O=NIX", Purpose.SIGNING,
                    new Validity(Instant.now(), Duration.ofDays(days)), List.of());
            directory.writeKeyStore(directory.file(PkiDirectory.SIGNING), "nix-bus", signing.key(),
                    List.of(signing.certificate(), ca.certificate()), password.toCharArray());
            return DONE;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private PkiCommand() {
    }
}
