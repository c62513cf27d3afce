package ir.nix.core.signing;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS SignedData (RFC 5652) over arbitrary content: what the bus signs (traffic checkpoints,
 * exchange reports) and how anyone holding the bus certificate checks it. The SignedData carries the
 * signer certificate and the signing time as a signed attribute; the content travels separately.
 */
public final class CmsSignatures {

    /** Used as an object, never registered process-wide: the bus does not change the JVM's provider list. */
    static final Provider BC = new BouncyCastleProvider();

    private CmsSignatures() {
    }

    /** Signs {@code content} with {@code key}: SHA-256 with ECDSA or RSA, matching the key. */
    static byte[] signDetached(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                    .build(new JcaContentSignerBuilder(signatureAlgorithm(key)).setProvider(BC).build(key), certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot sign with the bus key", e);
        }
    }

    static String signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            default -> throw new IllegalStateException("unsupported signing key type " + key.getAlgorithm());
        };
    }

    /**
     * Checks that {@code cmsDer} is a detached CMS signature of exactly {@code content} by the key of
     * {@code trusted}, made while that certificate was valid. Never throws for bad input: a malformed
     * signature is an {@link CmsVerification.Invalid} like any other.
     */
    public static CmsVerification verifyDetached(byte[] content, byte[] cmsDer, X509Certificate trusted) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), cmsDer);
            X509CertificateHolder trustedHolder = new JcaX509CertificateHolder(trusted);
            List<SignerInformation> bySigner = signed.getSignerInfos().getSigners().stream()
                    .filter(signer -> signer.getSID().match(trustedHolder)).toList();
            if (bySigner.isEmpty()) {
                return new CmsVerification.Invalid("not signed by the trusted certificate ("
                        + trusted.getSubjectX500Principal().getName() + ")");
            }
            for (SignerInformation signer : bySigner) {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(trusted))) {
                    return new CmsVerification.Invalid("the signature does not match the content");
                }
            }
            return new CmsVerification.Valid(trusted);
        } catch (CMSSignerDigestMismatchException mismatch) {
            return new CmsVerification.Invalid("the signature does not match the content");
        } catch (CMSVerifierCertificateNotValidException expired) {
            return new CmsVerification.Invalid("signed outside the certificate's validity period");
        } catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
            return new CmsVerification.Invalid("the signature does not verify: " + e.getMessage());
        } catch (RuntimeException malformed) {
            return new CmsVerification.Invalid("not a CMS SignedData structure");
        }
    }
}
