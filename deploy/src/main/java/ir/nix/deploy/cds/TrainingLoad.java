package ir.nix.deploy.cds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inquiry load of a start-up archive's training run (deploy/cds/train.sh): every service of the bus's own
 * catalogue, its example request over REST and over SOAP, from a few connections, for a given time. The
 * training JVM then records the classes (and, on JDK 24+, the method profiles) of the inquiry path as well as
 * those of the start, so that a node started from the archive is at speed sooner. It talks only to the
 * (demo) node it is given, sends only the catalogue's synthetic examples and prints only counts.
 *
 * <pre>java -cp DIR/nix-bus.jar ir.nix.deploy.cds.TrainingLoad BUS_URL SECONDS [CONNECTIONS]</pre>
 *
 * on the jar as Spring Boot's jar mode extracts it (its manifest names the libraries); it needs nothing but the
 * JDK's own HTTP client, so a JRE runs it (the image's build does).
 */
public final class TrainingLoad {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String SOAP_NS = "urn:ir:nix:inquiry:v1";

    record Inquiry(String path, String contentType, String consumer, String body, boolean soap) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TrainingLoad BUS_URL SECONDS [CONNECTIONS]");
            System.exit(2);
        }
        String bus = args[0].replaceAll("/+$", "");
        long seconds = Long.parseLong(args[1]);
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        awaitReady(client, bus);
        List<Inquiry> inquiries = inquiries(client, bus);
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int first = c;
            Thread thread = new Thread(() -> {
                for (int i = first; System.nanoTime() < deadline; i++) {
                    Inquiry inquiry = inquiries.get(i % inquiries.size());
                    try {
                        int status = send(client, bus, inquiry);
                        (status / 100 == 2 ? ok : other).incrementAndGet();
                    } catch (Exception failed) {
                        other.incrementAndGet();
                    }
                }
            }, "training-load-" + c);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.printf("training load: %d inquiries (%d catalogue examples, REST and SOAP) in %d s from %d connections (%d answered 2xx, %d not)%n",
                ok.get() + other.get(), inquiries.size(), seconds, connections, ok.get(), other.get());
        if (ok.get() == 0) {
            System.err.println("training load: no inquiry was answered; the archive would not know the inquiry path");
            System.exit(1);
        }
    }

    private static int send(HttpClient client, String bus, Inquiry inquiry) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bus + inquiry.path())).timeout(TIMEOUT)
                .header("Content-Type", inquiry.contentType()).header("X-NIX-Consumer", inquiry.consumer())
                .POST(HttpRequest.BodyPublishers.ofString(inquiry.body(), StandardCharsets.UTF_8));
        if (inquiry.soap()) {
            request.header("SOAPAction", "\"\"");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void awaitReady(HttpClient client, String bus) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(bus + "/actuator/health/readiness"))
                        .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        System.err.println("training load: " + bus + " did not report ready within 180 s");
        System.exit(1);
    }

    private static List<Inquiry> inquiries(HttpClient client, String bus) throws Exception {
        String catalogue = client.send(HttpRequest.newBuilder(URI.create(bus + "/api/v1/services")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        List<Inquiry> inquiries = inquiries(catalogue);
        if (inquiries.isEmpty()) {
            System.err.println("training load: the catalogue at " + bus + "/api/v1/services names no example inquiry");
            System.exit(1);
        }
        return inquiries;
    }

    /** Each catalogued service's example, over every channel the catalogue names for it (REST, SOAP). */
    @SuppressWarnings("unchecked")
    static List<Inquiry> inquiries(String catalogue) {
        List<Inquiry> inquiries = new ArrayList<>();
        for (Object entry : (List<Object>) new Json(catalogue).value()) {
            Map<String, Object> service = (Map<String, Object>) entry;
            Map<String, Object> example = (Map<String, Object>) service.get("example");
            Map<String, Object> channels = (Map<String, Object>) service.get("channels");
            if (example == null || channels == null) {
                continue;
            }
            String consumer = (String) example.get("consumer");
            Map<String, Object> fields = (Map<String, Object>) example.get("request");
            Map<String, Object> rest = (Map<String, Object>) channels.get("rest");
            if (rest != null) {
                inquiries.add(new Inquiry((String) rest.get("path"), "application/json", consumer, Json.write(fields), false));
            }
            Map<String, Object> soap = (Map<String, Object>) channels.get("soap");
            if (soap != null) {
                StringBuilder body = new StringBuilder("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:nix=\"")
                        .append(SOAP_NS).append("\"><soap:Body><nix:").append(soap.get("operation")).append("Request>");
                fields.forEach((name, value) -> body.append("<nix:").append(name).append('>').append(xml(String.valueOf(value)))
                        .append("</nix:").append(name).append('>'));
                body.append("</nix:").append(soap.get("operation")).append("Request></soap:Body></soap:Envelope>");
                inquiries.add(new Inquiry((String) soap.get("endpoint"), "text/xml; charset=utf-8", consumer, body.toString(), true));
            }
        }
        return inquiries;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Just enough JSON for the catalogue: objects, arrays, strings, numbers, literals. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object value() {
            skip();
            char c = text.charAt(at);
            switch (c) {
                case '{': {
                    Map<String, Object> object = new LinkedHashMap<>();
                    at++;
                    skip();
                    if (text.charAt(at) == '}') {
                        at++;
                        return object;
                    }
                    while (true) {
                        skip();
                        String key = string();
                        skip();
                        expect(':');
                        object.put(key, value());
                        skip();
                        if (text.charAt(at++) == '}') {
                            return object;
                        }
                    }
                }
                case '[': {
                    List<Object> array = new ArrayList<>();
                    at++;
                    skip();
                    if (text.charAt(at) == ']') {
                        at++;
                        return array;
                    }
                    while (true) {
                        array.add(value());
                        skip();
                        if (text.charAt(at++) == ']') {
                            return array;
                        }
                    }
                }
                case '"':
                    return string();
                default: {
                    int start = at;
                    while (at < text.length() && ",}] \t\r\n".indexOf(text.charAt(at)) < 0) {
                        at++;
                    }
                    String literal = text.substring(start, at);
                    return switch (literal) {
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        case "null" -> null;
                        default -> literal;
                    };
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void expect(char c) {
            if (text.charAt(at) != c) {
                throw new IllegalArgumentException("catalogue: expected '" + c + "' at " + at);
            }
            at++;
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        static String write(Map<String, Object> fields) {
            StringBuilder out = new StringBuilder("{");
            fields.forEach((name, value) -> {
                if (out.length() > 1) {
                    out.append(',');
                }
                out.append(quote(name)).append(':').append(value == null ? "null" : quote(String.valueOf(value)));
            });
            return out.append('}').toString();
        }

        private static String quote(String text) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }
}
