package ir.nix.deploy.tls;

import ir.nix.core.identification.TlsProperties;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Serves HTTPS from plain PEM files ({@code nix.tls.certificate}, {@code nix.tls.private-key}) when
 * the bus terminates TLS itself. The connector <em>wants</em> a client certificate and takes any
 * ({@link AnyClientCertificate}): 003 Part 3 Art. 13 identification happens in the bus, per request,
 * where a refusal can be answered and recorded like any other exchange. A renewed certificate is
 * presented without a restart ({@link ServerCertificateReload}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${nix.tls.termination:bus}' == 'bus' && '${nix.tls.certificate:}' != ''")
class TlsConnectorConfiguration {

    @Bean
    ServerCertificateReload serverCertificateReload(TlsProperties tls) {
        if (tls.privateKey() == null) {
            throw new IllegalStateException("nix.tls.certificate is set but nix.tls.private-key (NIX_TLS_PRIVATE_KEY) is not");
        }
        return new ServerCertificateReload(tls.certificate(), tls.privateKey(), tls.reloadCheck());
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pemTlsConnector(TlsProperties tls, ServerCertificateReload reload) {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (!(connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http)) {
                throw new IllegalStateException("TLS needs an HTTP/1.1 connector, not " + connector.getProtocolHandler());
            }
            connector.setScheme("https");
            connector.setSecure(true);
            http.setSSLEnabled(true);
            http.addSslHostConfig(hostConfig(tls));
            reload.watch(http);
        });
    }

    private static SSLHostConfig hostConfig(TlsProperties tls) {
        if (tls.privateKey() == null) {
            throw new IllegalStateException("nix.tls.certificate is set but nix.tls.private-key (NIX_TLS_PRIVATE_KEY) is not");
        }
        SSLHostConfig host = new SSLHostConfig();
        host.setProtocols("TLSv1.2+TLSv1.3");
        host.setCertificateVerification("optional");
        host.setTrustManagerClassName(AnyClientCertificate.class.getName());
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateFile(tls.certificate().toAbsolutePath().toString());
        certificate.setCertificateKeyFile(tls.privateKey().toAbsolutePath().toString());
        host.addCertificate(certificate);
        return host;
    }
}
