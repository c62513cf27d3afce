package ir.nix.core.identification;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PKIX path validation (RFC 5280, the JDK's {@link CertPathValidator}) of a client's certificate chain
 * against the trusted agency CAs, with revocation from the CRL and, when switched on, OCSP. The TLS
 * layer accepts any certificate so that this check, not the handshake, decides: a refusal is then an
 * exchange with a tracking ID and a record (003 Art. 31.5) instead of a dropped connection.
 */
final class PathValidation {

    private final Set<TrustAnchor> anchors;
    private final Optional<X509CRL> crl;
    private final boolean ocsp;

    PathValidation(List<X509Certificate> trustedCas, Optional<X509CRL> crl, boolean ocsp) {
        this.anchors = trustedCas.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toUnmodifiableSet());
        this.crl = crl;
        this.ocsp = ocsp;
    }

    /** @return why the chain does not hold, or empty when it leads to a trusted CA and nothing is revoked */
    Optional<Refusal> check(X509Certificate[] chain) {
        if (anchors.isEmpty()) {
            return Optional.of(Refusal.UNTRUSTED_ISSUER);
        }
        try {
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            validator.validate(path(chain), parameters(validator));
            return Optional.empty();
        } catch (CertPathValidatorException refused) {
            return Optional.of(reason(refused, chain[0]));
        } catch (GeneralSecurityException unusable) {
            return Optional.of(Refusal.INVALID);
        }
    }

    private CertPath path(X509Certificate[] chain) throws GeneralSecurityException {
        // The path runs from the leaf up to, not including, a trust anchor; a client may send its root too.
        List<X509Certificate> certificates = new ArrayList<>(Arrays.asList(chain));
        while (certificates.size() > 1 && isSelfIssued(certificates.get(certificates.size() - 1))) {
            certificates.remove(certificates.size() - 1);
        }
        return CertificateFactory.getInstance("X.509").generateCertPath(certificates);
    }

    private static boolean isSelfIssued(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private PKIXParameters parameters(CertPathValidator validator)
            throws InvalidAlgorithmParameterException, GeneralSecurityException {
        PKIXParameters parameters = new PKIXParameters(anchors);
        if (crl.isEmpty() && !ocsp) {
            parameters.setRevocationEnabled(false);
            return parameters;
        }
        crl.ifPresent(list -> addCrl(parameters, list));
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
        Set<PKIXRevocationChecker.Option> options = EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        if (!ocsp) {
            options.add(PKIXRevocationChecker.Option.PREFER_CRLS);
            options.add(PKIXRevocationChecker.Option.NO_FALLBACK);
        } else if (crl.isEmpty()) {
            options.add(PKIXRevocationChecker.Option.NO_FALLBACK);
        }
        revocation.setOptions(options);
        parameters.addCertPathChecker(revocation);
        return parameters;
    }

    private static void addCrl(PKIXParameters parameters, X509CRL list) {
        try {
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(list))));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("the JDK has no collection cert store", impossible);
        }
    }

    private Refusal reason(CertPathValidatorException refused, X509Certificate leaf) {
        CertPathValidatorException.Reason reason = refused.getReason();
        if (reason == CertPathValidatorException.BasicReason.EXPIRED) {
            return Refusal.EXPIRED;
        }
        if (reason == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return Refusal.NOT_YET_VALID;
        }
        if (reason == CertPathValidatorException.BasicReason.REVOKED) {
            // The JDK says "revoked" for both sources: the CRL in force tells which one it was.
            return crl.filter(list -> list.isRevoked(leaf)).isPresent() || !ocsp ? Refusal.REVOKED_CRL : Refusal.REVOKED_OCSP;
        }
        if (reason == CertPathValidatorException.BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return Refusal.REVOCATION_UNKNOWN;
        }
        if (reason == PKIXReason.NO_TRUST_ANCHOR) {
            return Refusal.UNTRUSTED_ISSUER;
        }
        return Refusal.INVALID;
    }
}
