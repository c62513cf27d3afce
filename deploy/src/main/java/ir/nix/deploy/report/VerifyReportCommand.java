package ir.nix.deploy.report;

import ir.nix.core.signing.CertificatePem;
import ir.nix.core.signing.CmsSignatures;
import ir.nix.core.signing.CmsVerification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nix-bus verify-report}: checks that an exchange report file is exactly what the bus signed,
 * with the detached CMS signature saved beside it and the bus certificate (from
 * {@code GET /api/v1/signing/certificate}, compared with the fingerprint the operator publishes).
 * Reads three files and nothing else: no store, no network.
 */
@Command(name = "verify-report", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Verifies a signed exchange report: the report file is unchanged and was signed by the bus "
                + "certificate given.",
                "Save both files of a sign=true report (report.content and signature.content, base64-decoded) and the bus "
                + "certificate, then run this."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the signature is valid for this report and certificate",
                "1:the signature is not valid (the report was changed, or signed by another key)",
                "2:usage error or unreadable file"})
public final class VerifyReportCommand implements Callable<Integer> {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int UNUSABLE = 2;

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--report", required = true, paramLabel = "FILE", description = "the report exactly as received, e.g. report.csv")
    Path report;

    @Option(names = "--signature", required = true, paramLabel = "FILE",
            description = "its detached CMS signature (DER), e.g. report.csv.p7s")
    Path signature;

    @Option(names = "--certificate", required = true, paramLabel = "PEM", description = "the bus signing certificate, e.g. bus.pem")
    Path certificate;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] content;
        byte[] cms;
        X509Certificate trusted;
        try {
            content = Files.readAllBytes(report);
            cms = Files.readAllBytes(signature);
            trusted = CertificatePem.decode(Files.readString(certificate, StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException unreadable) {
            err.println("error: " + unreadable.getMessage());
            return UNUSABLE;
        }
        CmsVerification verification = CmsSignatures.verifyDetached(content, cms, trusted);
        out.println("report:      " + report);
        out.println("certificate: " + trusted.getSubjectX500Principal().getName() + " (SHA-256 " + CertificatePem.fingerprint(trusted) + ")");
        if (verification instanceof CmsVerification.Invalid invalid) {
            out.println("RESULT: INVALID - " + invalid.reason());
            return INVALID;
        }
        out.println("RESULT: VALID");
        return VALID;
    }
}
