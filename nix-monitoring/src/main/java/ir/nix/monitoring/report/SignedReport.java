package ir.nix.monitoring.report;

import java.util.Base64;

/**
 * A report with its detached CMS signature, as {@code sign=true} returns them: two files an auditor
 * saves as they are ({@code jq -r .report.content | base64 -d > report.csv}, the same for
 * {@code .signature} to {@code report.csv.p7s}) and checks with
 * {@code java -jar nix-bus.jar verify-report} or {@code openssl cms -verify -binary -inform DER}.
 *
 * @param signerSha256 SHA-256 fingerprint of the bus certificate that signed, as
 *                     {@code GET /api/v1/signing/certificate} publishes it
 */
public record SignedReport(File report, File signature, String signerSha256) {

    /** @param content base64 of the file's exact bytes */
    public record File(String fileName, String mediaType, String content) {
        static File of(String fileName, String mediaType, byte[] bytes) {
            return new File(fileName, mediaType, Base64.getEncoder().encodeToString(bytes));
        }
    }
}
