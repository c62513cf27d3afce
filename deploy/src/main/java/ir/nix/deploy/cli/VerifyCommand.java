package ir.nix.deploy.cli;

import ir.nix.core.signing.CertificatePem;
import ir.nix.core.traffic.chain.CanonicalForm;
import ir.nix.core.traffic.chain.ChainBreak;
import ir.nix.core.traffic.chain.ChainReport;
import ir.nix.core.traffic.chain.ChainVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nix-bus verify}: recomputes the traffic store's hash chains and checks their signed
 * checkpoints (docs/traffic-integrity.md). Prints what holds, or the first break, and says so in
 * the exit code for scripts and schedulers.
 */
@Command(name = "verify", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Verifies the traffic store's tamper evidence: recomputes each node's hash chain, checks every "
                + "signed checkpoint in range and reports the first break (a MODIFIED, DELETED or INSERTED record, "
                + "a FORGED_CHECKPOINT, a REWRITTEN chain, a MISSING_CHECKPOINT).",
                "Records after a node's last checkpoint chain but are not yet anchored: nothing signed vouches for them yet.",
                "Reads the store over JDBC (PostgreSQL or H2) inside one read-only snapshot; the bus may keep running."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every chain checked is intact", "1:a chain is broken (the first break is printed)",
                "2:usage error, unreadable certificate or store not reachable"})
final class VerifyCommand implements Callable<Integer> {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--db-url", required = true, paramLabel = "JDBC-URL",
            description = "the traffic store, e.g. jdbc:postgresql://db:5432/nix or jdbc:h2:file:./nix-data/traffic")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:NIX_DB_USER}",
            description = "database user (default: $NIX_DB_USER)")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:NIX_DB_PASSWORD}", interactive = true,
            arity = "0..1", description = "database password; without a value it is asked for (default: $NIX_DB_PASSWORD)")
    String password;

    @Option(names = "--node", paramLabel = "NODE", description = "verify only this bus node's chain (default: every node in the store)")
    String node;

    @Option(names = "--from-seq", paramLabel = "N",
            description = "first sequence number to check, chained from the stored hash of N-1 (default: the oldest stored)")
    Long fromSeq;

    @Option(names = "--to-seq", paramLabel = "M", description = "last sequence number to check (default: the newest stored or checkpointed)")
    Long toSeq;

    @Option(names = "--certificate", paramLabel = "PEM",
            description = "the bus signing certificate checkpoints must verify against; repeat for earlier keys. Without it, "
                    + "each checkpoint is checked against the certificate stored with it and the signer is not independently trusted")
    List<Path> certificates = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validateRange();
        List<X509Certificate> trusted;
        try {
            trusted = readCertificates();
        } catch (IOException | IllegalArgumentException unreadable) {
            err.println("error: cannot read --certificate: " + unreadable.getMessage());
            return UNUSABLE;
        }
        List<ChainReport> reports;
        try (Connection db = DriverManager.getConnection(url, user, password)) {
            reports = new ChainVerifier(db, trusted).verify(new ChainVerifier.Scope(node, fromSeq, toSeq));
        } catch (SQLException unreachable) {
            err.println("error: cannot read the traffic store at " + url + ": " + unreachable.getMessage());
            return UNUSABLE;
        }
        return print(reports, trusted.isEmpty(), out, err);
    }

    private void validateRange() {
        if (fromSeq != null && fromSeq < 1) {
            throw new ParameterException(spec.commandLine(), "--from-seq must be 1 or more");
        }
        if (fromSeq != null && toSeq != null && toSeq < fromSeq) {
            throw new ParameterException(spec.commandLine(), "--to-seq must not be below --from-seq");
        }
    }

    private List<X509Certificate> readCertificates() throws IOException {
        List<X509Certificate> trusted = new ArrayList<>();
        for (Path file : certificates) {
            trusted.addAll(CertificatePem.decodeAll(Files.readString(file, StandardCharsets.US_ASCII)));
        }
        return trusted;
    }

    private int print(List<ChainReport> reports, boolean untrusted, PrintWriter out, PrintWriter err) {
        out.println("traffic chain verification of " + url);
        if (reports.isEmpty()) {
            out.println("no chained records and no checkpoints" + (node == null ? "" : " for node " + node));
        }
        reports.forEach(report -> ReportText.print(report, out));
        boolean intact = reports.stream().allMatch(ChainReport::intact);
        if (untrusted && reports.stream().anyMatch(report -> report.checkpoints() > 0)) {
            err.println("WARNING: no --certificate given: checkpoint signatures were checked against the certificates stored "
                    + "with them, so the signer is not independently trusted; compare the fingerprints above with the bus's "
                    + "published certificate, or pass it with --certificate.");
        }
        out.println(intact ? "RESULT: INTACT" : "RESULT: BROKEN");
        return intact ? INTACT : BROKEN;
    }

    /** The report as operators read it: one block per node, the break first when there is one. */
    private static final class ReportText {

        static void print(ChainReport report, PrintWriter out) {
            out.println();
            out.println("node " + report.node() + ": " + (report.intact() ? "intact" : "BROKEN"));
            report.chainBreak().ifPresent(found -> printBreak(found, out));
            if (report.records() == 0) {
                out.println("  records:          none verified" + (report.intact() ? " (none in range)" : ""));
            } else {
                out.println("  records:          " + report.records() + " verified, seq " + report.firstSeq() + ".." + report.lastSeq()
                        + (report.intact() ? "" : " (before the break)"));
            }
            out.println("  checkpoints:      " + report.checkpoints() + " verified"
                    + (report.lastAnchoredSeq() > 0 ? ", last anchored seq " + report.lastAnchoredSeq() + " at "
                    + CanonicalForm.timestamp(report.lastAnchoredAt()) : ""));
            if (report.intact() && report.unanchored() > 0) {
                out.println("  not yet anchored: " + report.unanchored() + " records, seq " + (report.lastSeq() - report.unanchored() + 1)
                        + ".." + report.lastSeq() + " (they chain; the next checkpoint will sign them)");
            }
            report.signers().forEach(signer -> out.println("  signed by:        " + signer));
            report.notes().forEach(note -> out.println("  note:             " + note));
        }

        private static void printBreak(ChainBreak found, PrintWriter out) {
            out.println("  " + found.kind() + (found.seq() > 0 ? " at seq " + found.seq() : "")
                    + (found.trackingId() != null ? ", tracking ID " + found.trackingId() : ""));
            out.println("    " + found.detail());
        }
    }
}
