package ir.nix.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A provider agency that misbehaves at the socket level, as no HTTP stub can: it accepts connections and
 * then never answers ({@link #hanging()}), or answers its headers at once and then drips the body one byte
 * at a time for ever ({@link #dripping(Duration)}).
 */
final class FaultyProvider implements AutoCloseable {

    private static final byte[] DRIP_HEADERS = ("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=UTF-8\r\n"
            + "Content-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Duration dripInterval;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "faulty-provider");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    private FaultyProvider(Duration dripInterval) throws IOException {
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.dripInterval = dripInterval;
        connections.execute(this::accept);
    }

    /** Accepts, reads the request, and never answers. */
    static FaultyProvider hanging() throws IOException {
        return new FaultyProvider(null);
    }

    /** Answers 200 with a long body, one byte every {@code interval}: no read ever waits longer than that. */
    static FaultyProvider dripping(Duration interval) throws IOException {
        return new FaultyProvider(interval);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Connections accepted so far and still open. */
    int openConnections() {
        return (int) open.stream().filter(socket -> !socket.isClosed()).count();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[8192];
            if (dripInterval == null) {
                while (in.read(buffer) >= 0) {
                    // Swallow the request and whatever follows; never answer.
                }
                return;
            }
            in.read(buffer);
            out.write(DRIP_HEADERS);
            out.flush();
            while (!socket.isClosed()) {
                out.write('<');
                out.flush();
                TimeUnit.NANOSECONDS.sleep(dripInterval.toNanos());
            }
        } catch (IOException | InterruptedException ended) {
            // The bus cut the connection, or the test ended.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
        connections.shutdownNow();
    }
}
