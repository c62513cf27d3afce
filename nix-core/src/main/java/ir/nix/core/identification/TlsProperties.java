package ir.nix.core.identification;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * TLS and client-certificate identification ({@code nix.tls.*}; in prod from {@code NIX_TLS_*} and
 * {@code NIX_CERTIFICATE_REGISTRY}).
 *
 * @param termination         {@code bus} (the bus terminates TLS itself, the default) or {@code proxy} (a
 *                            TLS-terminating proxy forwards the client certificate in a header)
 * @param certificate         PEM file with the bus's server certificate chain
 * @param privateKey          PEM file with the server certificate's private key (PKCS#8, unencrypted)
 * @param trustedCas          PEM bundle of the CAs whose client certificates are accepted
 * @param crl                 optional CRL file (PEM or DER), re-read when it changes
 * @param ocsp                {@code off} (default) or {@code on}: OCSP from the certificate's AIA
 * @param ocspTimeout         how long one OCSP request may take
 * @param ocspCache           how long an OCSP-backed verdict of one certificate is reused
 * @param certificateRegistry the certificate registry YAML, re-read when it changes
 * @param reloadCheck         how often the CRL and registry files are checked for changes
 * @param proxyAddresses      {@code proxy} mode: the proxy addresses whose forwarded certificate header is trusted
 * @param proxyHeader         {@code proxy} mode: the header with the URL-encoded PEM client certificate
 */
@ConfigurationProperties(prefix = "nix.tls")
public record TlsProperties(@DefaultValue("bus") String termination, Path certificate, Path privateKey, Path trustedCas,
                            Path crl, @DefaultValue("off") String ocsp, @DefaultValue("3s") Duration ocspTimeout,
                            @DefaultValue("5m") Duration ocspCache, Path certificateRegistry,
                            @DefaultValue("1s") Duration reloadCheck, List<String> proxyAddresses,
                            @DefaultValue("X-SSL-Client-Cert") String proxyHeader) {

    public TlsProperties {
        // The prod profile maps unset NIX_TLS_* variables to empty values: those mean "not configured".
        certificate = configured(certificate);
        privateKey = configured(privateKey);
        trustedCas = configured(trustedCas);
        crl = configured(crl);
        certificateRegistry = configured(certificateRegistry);
        proxyAddresses = proxyAddresses == null ? List.of()
                : proxyAddresses.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
    }

    private static Path configured(Path file) {
        return file == null || file.toString().isBlank() ? null : file;
    }

    public boolean behindProxy() {
        return "proxy".equals(termination);
    }

    public boolean ocspOn() {
        return "on".equals(ocsp);
    }

    /** Whether the bus itself has what it needs to serve TLS. */
    public boolean hasServerMaterial() {
        return certificate != null && privateKey != null;
    }
}
