package ir.nix.deploy.security;

import ir.nix.core.identification.IdentificationProperties;
import ir.nix.core.identification.TlsProperties;
import java.nio.file.Path;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * The prod profile refuses an unsafe start before a single bean exists, with one line saying what is
 * wrong: no TLS material (003 Part 3 Art. 13: agencies are identified by certificate, so a plain-HTTP
 * bus identifies nobody and a silent fallback would look like it works), header identification
 * (anyone could claim any agency), or the generated demo signing key (reports and traffic checkpoints
 * signed with a key nobody issued prove nothing). Registered in {@code META-INF/spring.factories}.
 */
public final class ProductionChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final String GENERATED_SIGNING_KEY = "bus-signing.p12";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            check(environment);
        }
    }

    static void check(ConfigurableEnvironment environment) {
        Binder binder = Binder.get(environment);
        IdentificationProperties identification = binder.bindOrCreate("nix.identification", IdentificationProperties.class);
        TlsProperties tls = binder.bindOrCreate("nix.tls", TlsProperties.class);
        if (!"certificate".equals(identification.mode())) {
            throw new UnsafeStart("prod refuses to start: nix.identification.mode=" + identification.mode()
                    + " lets any caller name its agency; prod identifies agencies by client certificate only",
                    "Remove nix.identification.mode (NIX_IDENTIFICATION_MODE) from the prod configuration.");
        }
        checkTls(tls);
        checkSigningKey(binder.bind("nix.signing.key-store", Path.class).orElse(null));
    }

    private static void checkTls(TlsProperties tls) {
        if (tls.behindProxy()) {
            if (tls.proxyAddresses().isEmpty()) {
                throw new UnsafeStart("prod refuses to start: nix.tls.termination=proxy without nix.tls.proxy-addresses: "
                        + "a forwarded client certificate would be believed from anyone",
                        "Set NIX_TLS_PROXY_ADDRESSES to the TLS-terminating proxy's addresses (docs/operators.md).");
            }
        } else if (!tls.hasServerMaterial()) {
            throw new UnsafeStart("prod refuses to start: no TLS material: set NIX_TLS_CERTIFICATE and NIX_TLS_PRIVATE_KEY "
                    + "(or run behind a TLS-terminating proxy with NIX_TLS_TERMINATION=proxy)",
                    "Make the server certificate with 'java -jar nix-bus.jar pki issue-server' (docs/operators.md).");
        }
        if (tls.trustedCas() == null || tls.certificateRegistry() == null) {
            throw new UnsafeStart("prod refuses to start: no agency CAs or certificate registry: set NIX_TLS_TRUSTED_CAS "
                    + "and NIX_CERTIFICATE_REGISTRY", "See docs/operators.md, 'Production runbook'.");
        }
    }

    private static void checkSigningKey(Path keyStore) {
        if (keyStore == null || GENERATED_SIGNING_KEY.equals(String.valueOf(keyStore.getFileName()))) {
            throw new UnsafeStart("prod refuses to start: no bus signing key (nix.signing.key-store): the generated demo key "
                    + "would sign reports and traffic checkpoints that nobody can trust",
                    "Make one with 'java -jar nix-bus.jar pki issue-signing' and set NIX_SIGNING_KEY_STORE and "
                            + "NIX_SIGNING_KEY_STORE_PASSWORD.");
        }
    }
}
