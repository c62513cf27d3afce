package ir.nix.deploy.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Presents a renewed server certificate without a restart: every {@code nix.tls.reload-check} the
 * certificate and key files ({@code NIX_TLS_CERTIFICATE}, {@code NIX_TLS_PRIVATE_KEY}) are looked at, and
 * when either changed the connector's TLS context is rebuilt from them (Tomcat's own
 * {@code reloadSslHostConfigs}, what Spring Boot's {@code reload-on-update} bundles do). New handshakes get
 * the new certificate; open connections keep theirs. A pair that does not load (a key written before its
 * certificate, a typo) keeps the previous certificate in force, with an ERROR line, until the files change
 * again. Not a Spring Boot SSL bundle: the connector's trust manager takes any client certificate
 * ({@link AnyClientCertificate}), which a bundle cannot say.
 */
final class ServerCertificateReload implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCertificateReload.class);

    private final List<Path> files;
    private final Duration interval;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "nix-tls-certificate-reload");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<Stamp> seen;

    private record Stamp(FileTime modified, long size) {
    }

    ServerCertificateReload(Path certificate, Path privateKey, Duration interval) {
        this.files = List.of(certificate, privateKey);
        this.interval = interval;
        this.seen = stamps();
    }

    /** Starts watching for the connector's protocol once it exists. */
    void watch(AbstractHttp11Protocol<?> protocol) {
        long every = Math.max(100, interval.toMillis());
        checks.scheduleWithFixedDelay(() -> check(protocol), every, every, TimeUnit.MILLISECONDS);
    }

    private void check(AbstractHttp11Protocol<?> protocol) {
        List<Stamp> now = stamps();
        if (Objects.equals(now, seen)) {
            return;
        }
        seen = now;
        try {
            protocol.reloadSslHostConfigs();
            LOG.info("TLS server certificate re-read from {}: new connections present it", files.get(0));
        } catch (RuntimeException unusable) {
            LOG.error("{} or {} changed but cannot be used, keeping the previous server certificate: {}", files.get(0),
                    files.get(1), unusable.getMessage());
        }
    }

    private List<Stamp> stamps() {
        return files.stream().map(ServerCertificateReload::stamp).toList();
    }

    private static Stamp stamp(Path file) {
        try {
            return new Stamp(Files.getLastModifiedTime(file), Files.size(file));
        } catch (IOException gone) {
            return new Stamp(FileTime.fromMillis(0), -1);
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
