package ir.nix.deploy.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS layer's trust manager for client certificates: takes any. Deliberately, and only because
 * the bus checks every presented certificate itself (ClientCertificates: PKIX path validation
 * against the trusted CAs, CRL, OCSP, the registry) before anything is answered: a refused
 * certificate then gets a 401 problem with a tracking ID and a traffic record instead of a failed
 * handshake nobody can trace. Tomcat instantiates it by class name, hence the public constructor.
 */
public final class AnyClientCertificate implements X509TrustManager {

    private static final X509Certificate[] NO_ISSUERS = new X509Certificate[0];

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        // Decided per request by the bus, see the class comment.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the bus's server side trusts no server certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        // An empty list lets a client offer whatever certificate it has, an untrusted one included.
        return NO_ISSUERS;
    }
}
