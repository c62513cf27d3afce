package ir.nix.adapters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A provider that accepts connections, reads what it is sent and never answers: the only kind of
 * provider a timeout test may use, because no machine is slow enough to make it answer in time.
 */
final class SilentProvider {

    private final ServerSocket listener;

    SilentProvider() {
        try {
            listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::accept).start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (true) {
            try {
                Socket socket = listener.accept();
                daemon(() -> swallow(socket)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void swallow(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // Read and never answer.
            }
        } catch (IOException closedByTheCaller) {
            // The caller gave up, as it should.
        }
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "silent-provider");
        thread.setDaemon(true);
        return thread;
    }
}
