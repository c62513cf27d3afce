package ir.nix.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client on a plain {@link Socket}: it sends exactly the bytes it is
 * given (HTTP clients refuse to send a NUL in a path or a 100 KB header) and reads one reply.
 */
final class RawHttp {

    /** One reply: status, headers (lower-case names) and body. {@code hung} when nothing came in time. */
    record Reply(int status, Map<String, String> headers, String body, boolean hung) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    static Reply send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before a huge request is fully written: read what it said.
            }
            return read(socket.getInputStream());
        } catch (SocketTimeoutException hung) {
            return new Reply(0, Map.of(), "", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Reply send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A request with {@code Connection: close}, a body and its length. */
    static byte[] request(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(start);
        if (body != null) {
            all.writeBytes(body);
        }
        return all.toByteArray();
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        int n;
        while (headEnd < 0 && (n = in.read(buffer)) > 0) {
            raw.write(buffer, 0, n);
            headEnd = indexOf(raw.toByteArray(), "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        byte[] bytes = raw.toByteArray();
        if (headEnd < 0) {
            return new Reply(0, Map.of(), new String(bytes, StandardCharsets.ISO_8859_1), false);
        }
        String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(bytes, headEnd + 4, bytes.length - headEnd - 4);
        int length = headers.containsKey("content-length") ? Integer.parseInt(headers.get("content-length")) : -1;
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        while ((length < 0 || body.size() < length) && (n = in.read(buffer)) > 0) {
            body.write(buffer, 0, n);
            if (chunked && indexOf(body.toByteArray(), "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) >= 0) {
                break;
            }
        }
        String text = body.toString(StandardCharsets.UTF_8);
        return new Reply(status, headers, chunked ? dechunk(text) : text, false);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            // Sizes count bytes; the bodies here are ASCII JSON/XML, so bytes are characters.
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
