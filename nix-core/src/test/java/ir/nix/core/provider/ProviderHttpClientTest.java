package ir.nix.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.util.TimeValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider client's pool, against a plain keep-alive HTTP/1.1 server on a real socket that counts the
 * connections it accepts.
 */
class ProviderHttpClientTest {

    private ServerSocket server;
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    accepted.incrementAndGet();
                    synchronized (sockets) {
                        sockets.add(socket);
                    }
                    Thread serving = new Thread(() -> serve(socket), "keep-alive-provider");
                    serving.setDaemon(true);
                    serving.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "keep-alive-provider-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        synchronized (sockets) {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * A connection in steady use is the same connection throughout: its last use, not its age, decides when it
     * counts as idle. (The pool never stamped a release, so every connection was evicted as idle once it was older
     * than the idle time, and checked for staleness on every lease from two seconds of age.)
     */
    @Test
    void aConnectionInSteadyUseIsNeverEvictedAsIdle() throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/cra/shahkar");
        try (ProviderHttpClient client = new ProviderHttpClient(Duration.ofSeconds(10), TimeValue.ofSeconds(3))) {
            long end = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            int calls = 0;
            while (System.nanoTime() < end) {
                ProviderResult result = client.post(uri, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of(),
                        Duration.ofSeconds(30), reply -> new ProviderResult.Answered(Map.of("status", reply.status())));
                assertThat(result).isEqualTo(new ProviderResult.Answered(Map.of("status", 200)));
                calls++;
                Thread.sleep(100);
            }
            assertThat(calls).isGreaterThan(10);
            assertThat(accepted).as("connections opened for %d calls one after another", calls).hasValue(1);
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                int length = headers(in);
                if (length < 0) {
                    return;
                }
                in.readNBytes(length);
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException gone) {
            // the client or the test closed the connection
        }
    }

    /** Reads one request's head; its Content-Length, or -1 at the end of the stream. */
    private static int headers(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                for (String line : head.toString().split("\r\n")) {
                    if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        return Integer.parseInt(line.substring(15).strip());
                    }
                }
                return 0;
            }
        }
        return -1;
    }
}
