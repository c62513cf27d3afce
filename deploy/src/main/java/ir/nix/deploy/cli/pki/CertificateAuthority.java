package ir.nix.deploy.cli.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The NIX CA's certificate work, on Bouncy Castle: the self-signed CA, server, client and signing
 * certificates it issues, and its CRL. Keys are EC P-256 (fast to make, accepted by every TLS
 * stack the agencies use); signatures SHA256withECDSA.
 */
final class CertificateAuthority {

    private static final String SIGNATURE = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one certificate is for: its key usage, extended key usage and whether it may issue. */
    enum Purpose {
        CA(KeyUsage.keyCertSign | KeyUsage.cRLSign, null),
        SERVER(KeyUsage.digitalSignature, KeyPurposeId.id_kp_serverAuth),
        CLIENT(KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth),
        SIGNING(KeyUsage.digitalSignature | KeyUsage.nonRepudiation, null);

        private final int keyUsage;
        private final KeyPurposeId extendedUsage;

        Purpose(int keyUsage, KeyPurposeId extendedUsage) {
            this.keyUsage = keyUsage;
            this.extendedUsage = extendedUsage;
        }
    }

    /** A certificate with its key. */
    record Issued(X509Certificate certificate, PrivateKey key) {
    }

    /** When a certificate starts and how long it holds. */
    record Validity(Instant from, Duration length) {
        Instant until() {
            return from.plus(length);
        }
    }

    private final Issued ca;

    CertificateAuthority(Issued ca) {
        this.ca = ca;
    }

    X509Certificate certificate() {
        return ca.certificate();
    }

    /** A new self-signed CA. */
    static Issued newCa(String name, Validity validity) throws GeneralSecurityException {
        KeyPair pair = newKey();
        X500Name subject = new X500Name(name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(validity.from()), Date.from(validity.until()), subject, pair.getPublic());
        return new Issued(build(builder, pair, null, Purpose.CA, List.of()), pair.getPrivate());
    }

    /** A certificate for {@code subject}, issued by this CA; {@code hosts} become its subject alternative names. */
    Issued issue(String subject, Purpose purpose, Validity validity, List<String> hosts) throws GeneralSecurityException {
        KeyPair pair = newKey();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                Date.from(validity.from()), Date.from(validity.until()), new X500Name(subject), pair.getPublic());
        return new Issued(build(builder, pair, ca, purpose, hosts), pair.getPrivate());
    }

    /** A CRL of the previous one's revocations plus {@code revoked}, valid for {@code nextUpdate}. */
    X509CRL crl(Optional<X509CRL> previous, Optional<BigInteger> revoked, Duration nextUpdate) throws GeneralSecurityException {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.certificate(), Date.from(now));
        builder.setNextUpdate(Date.from(now.plus(nextUpdate)));
        BigInteger number = BigInteger.ONE;
        try {
            if (previous.isPresent()) {
                X509CRLHolder holder = new X509CRLHolder(previous.get().getEncoded());
                builder.addCRL(holder);
                Extension last = holder.getExtension(Extension.cRLNumber);
                if (last != null) {
                    number = CRLNumber.getInstance(last.getParsedValue()).getCRLNumber().add(BigInteger.ONE);
                }
            }
            revoked.ifPresent(serial -> builder.addCRLEntry(serial, Date.from(now), CRLReason.unspecified));
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(ca.certificate()));
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            return new JcaX509CRLConverter().getCRL(builder.build(signer(ca.key())));
        } catch (IOException | OperatorCreationException unusable) {
            throw new GeneralSecurityException("cannot sign the CRL: " + unusable.getMessage(), unusable);
        }
    }

    private static X509Certificate build(X509v3CertificateBuilder builder, KeyPair pair, Issued issuer, Purpose purpose,
                                         List<String> hosts) throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(purpose == Purpose.CA));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(purpose.keyUsage));
            if (purpose.extendedUsage != null) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose.extendedUsage));
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(pair.getPublic()));
            if (issuer != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuer.certificate()));
            }
            if (!hosts.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        hosts.stream().map(CertificateAuthority::hostName).toArray(GeneralName[]::new)));
            }
            PrivateKey signingKey = issuer == null ? pair.getPrivate() : issuer.key();
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
        } catch (IOException | OperatorCreationException unusable) {
            throw new GeneralSecurityException("cannot build the certificate: " + unusable.getMessage(), unusable);
        }
    }

    private static GeneralName hostName(String host) {
        boolean address = host.matches("[0-9.]+") || host.contains(":");
        return new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, host);
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        return new JcaContentSignerBuilder(SIGNATURE).build(key);
    }

    private static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    /** 127 random bits: unique without a counter to keep (RFC 5280: positive, at most 20 octets). */
    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }
}
