package ir.nix.core.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundStartTest {

    @Test
    void runsTheWorkOnANamedStartThreadWithTheCallersClassLoader() {
        ClassLoader callers = Thread.currentThread().getContextClassLoader();

        BackgroundStart<Thread> worker = BackgroundStart.run("key", Thread::currentThread);

        assertThat(worker.get().getName()).isEqualTo("nix-start-key");
        assertThat(worker.get().isDaemon()).isTrue();
        assertThat(worker.get().getContextClassLoader()).isSameAs(callers);
    }

    @Test
    void getWaitsForTheWork() {
        CountDownLatch release = new CountDownLatch(1);
        BackgroundStart<String> work = BackgroundStart.run("slow", () -> {
            try {
                return release.await(1, TimeUnit.MINUTES) ? "done" : "never released";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });

        release.countDown();

        assertThat(work.get()).isEqualTo("done");
    }

    @Test
    void rethrowsTheWorksOwnExceptionSoThatTheStartFailsWithIt() {
        IllegalStateException refused = new IllegalStateException("nix.signing.key-store /x does not exist");

        BackgroundStart<Object> work = BackgroundStart.run("key", () -> {
            throw refused;
        });

        assertThatThrownBy(work::get).isSameAs(refused);
        assertThatThrownBy(work::get).isSameAs(refused);
    }
}
