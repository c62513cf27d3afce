package ir.nix.core.identification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.signing.CertificatePem;
import ir.nix.core.signing.Fingerprint;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Decides what a client certificate proves (003 Part 3 Art. 13, PKI): PKIX validation against the
 * trusted CAs with the CRL (and OCSP when on), then the certificate registry. Used for agencies on the
 * inquiry path and for operators, auditors and the metrics scraper on the operator paths, so that one
 * registry and one revocation list govern every certificate the bus accepts.
 */
@Component
@ConditionalOnProperty(name = "nix.identification.mode", havingValue = "certificate", matchIfMissing = true)
public class ClientCertificates {

    private static final String TLS_CHAIN = "jakarta.servlet.request.X509Certificate";
    private static final int OCSP_CACHE_LIMIT = 10_000;

    /**
     * @param fingerprint of the leaf certificate, when one was presented
     * @param registered  whom it identifies, when it is valid and registered
     * @param refusal     why it identifies nobody, otherwise
     */
    public record Verdict(Optional<Fingerprint> fingerprint, Optional<CertificateRegistry.Registered> registered,
                          Optional<Refusal> refusal) {
        static Verdict refused(Optional<Fingerprint> fingerprint, Refusal refusal) {
            return new Verdict(fingerprint, Optional.empty(), Optional.of(refusal));
        }
    }

    private record Cached(Optional<Refusal> refusal, long expiresAt) {
    }

    private final TlsProperties tls;
    private final List<X509Certificate> trustedCas;
    private final WatchedFile<CertificateRegistry> registry;
    private final WatchedFile<Optional<X509CRL>> crl;
    private final Map<Fingerprint, Cached> ocspVerdicts = new ConcurrentHashMap<>();
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

    public ClientCertificates(TlsProperties tls, ObjectProvider<MeterRegistry> meters) {
        this.tls = tls;
        this.trustedCas = tls.trustedCas() == null ? List.of() : readCertificates(tls.trustedCas());
        this.registry = tls.certificateRegistry() == null ? null
                : new WatchedFile<>(tls.certificateRegistry(), CertificateRegistry::read, tls.reloadCheck());
        this.crl = tls.crl() == null ? null : new WatchedFile<>(tls.crl(), ClientCertificates::readCrl, tls.reloadCheck());
        if (tls.ocspOn()) {
            // The JDK's OCSP client reads its timeout (seconds) once, when it is first used.
            System.setProperty("com.sun.security.ocsp.timeout",
                    Long.toString(Math.max(1, tls.ocspTimeout().toSeconds())));
        }
        MeterRegistry registryOfMeters = meters.getIfAvailable();
        if (registryOfMeters != null) {
            for (Refusal refusal : Refusal.values()) {
                refusals.put(refusal, Counter.builder("nix.identification.refusals")
                        .description("client certificates that identified nobody, by reason")
                        .tag("reason", refusal.name()).register(registryOfMeters));
            }
        }
    }

    /** The registry in force (re-read when its file changes). */
    public CertificateRegistry registry() {
        return registry == null ? CertificateRegistry.EMPTY : registry.current();
    }

    /** What the request's client certificate proves. */
    public Verdict check(HttpServletRequest request) {
        return check(chainOf(request));
    }

    Verdict check(Optional<X509Certificate[]> presented) {
        if (presented.isEmpty() || presented.get().length == 0) {
            return count(Verdict.refused(Optional.empty(), Refusal.NO_CERTIFICATE));
        }
        X509Certificate[] chain = presented.get();
        Fingerprint fingerprint = Fingerprint.of(chain[0]);
        Optional<Refusal> invalid = validate(fingerprint, chain);
        if (invalid.isPresent()) {
            return count(Verdict.refused(Optional.of(fingerprint), invalid.get()));
        }
        Optional<CertificateRegistry.Registered> registered = registry().find(chain[0]);
        if (registered.isEmpty()) {
            return count(Verdict.refused(Optional.of(fingerprint), Refusal.UNREGISTERED));
        }
        return new Verdict(Optional.of(fingerprint), registered, Optional.empty());
    }

    private Optional<Refusal> validate(Fingerprint fingerprint, X509Certificate[] chain) {
        PathValidation validation = new PathValidation(trustedCas, crl == null ? Optional.empty() : crl.current(), tls.ocspOn());
        if (!tls.ocspOn()) {
            return validation.check(chain);
        }
        long now = System.nanoTime();
        Cached cached = ocspVerdicts.get(fingerprint);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.refusal();
        }
        Optional<Refusal> refusal = validation.check(chain);
        if (ocspVerdicts.size() >= OCSP_CACHE_LIMIT) {
            ocspVerdicts.clear();
        }
        ocspVerdicts.put(fingerprint, new Cached(refusal, now + tls.ocspCache().toNanos()));
        return refusal;
    }

    private Verdict count(Verdict verdict) {
        verdict.refusal().map(refusals::get).ifPresent(Counter::increment);
        return verdict;
    }

    /**
     * The client's chain: from the TLS layer, or in {@code proxy} mode from the proxy's header, and
     * then only when the request comes from a configured proxy address (anyone else could forge it).
     */
    private Optional<X509Certificate[]> chainOf(HttpServletRequest request) {
        if (!tls.behindProxy()) {
            return request.getAttribute(TLS_CHAIN) instanceof X509Certificate[] chain ? Optional.of(chain) : Optional.empty();
        }
        String forwarded = request.getHeader(tls.proxyHeader());
        if (forwarded == null || !tls.proxyAddresses().contains(request.getRemoteAddr())) {
            return Optional.empty();
        }
        try {
            String pem = URLDecoder.decode(forwarded, StandardCharsets.US_ASCII);
            return Optional.of(CertificatePem.decodeAll(pem).toArray(X509Certificate[]::new));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static List<X509Certificate> readCertificates(Path file) {
        try {
            List<X509Certificate> certificates = CertificatePem.decodeAll(Files.readString(file, StandardCharsets.US_ASCII));
            if (certificates.isEmpty()) {
                throw new IllegalStateException("nix.tls.trusted-cas " + file + " holds no certificate");
            }
            return certificates;
        } catch (IOException | IllegalArgumentException unreadable) {
            throw new IllegalStateException("nix.tls.trusted-cas " + file + " cannot be read: " + unreadable.getMessage(),
                    unreadable);
        }
    }

    private static Optional<X509CRL> readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in));
        } catch (IOException | GeneralSecurityException unreadable) {
            throw new IllegalStateException("nix.tls.crl " + file + " is not a CRL (PEM or DER): " + unreadable.getMessage(),
                    unreadable);
        }
    }
}
