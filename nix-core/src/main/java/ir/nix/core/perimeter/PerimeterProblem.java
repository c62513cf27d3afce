package ir.nix.core.perimeter;

import ir.nix.core.tracking.TrackingId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The problem document for a request refused before it reached a channel (the container's parser,
 * the URI checks, routing, method or media-type matching). Built from the status alone, so that
 * nothing of the request, its path included, is ever echoed (RFC 9457 {@code instance} is left out
 * on purpose); it carries a fresh tracking ID like every other reply (rule: every exchange has one).
 *
 * @param status     the HTTP status
 * @param code       the stable NIX error code
 * @param title      the human title
 * @param detail     a fixed explanation
 * @param trackingId the reply's tracking ID
 */
public record PerimeterProblem(int status, String code, String title, String detail, TrackingId trackingId) {

    public static final String TRACKING_HEADER = "X-NIX-Tracking-Id";
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Kind(String code, String title, String detail) {
    }

    private static final Map<Integer, Kind> KINDS = Map.ofEntries(
            Map.entry(400, new Kind("MALFORMED_REQUEST", "Malformed request",
                    "the request line, a header, the URI or its encoding is malformed")),
            Map.entry(401, new Kind("NOT_IDENTIFIED", "Not identified", "this path needs an identified caller")),
            Map.entry(403, new Kind("FORBIDDEN", "Forbidden", "this path is not open to this caller")),
            Map.entry(404, new Kind("UNKNOWN_PATH", "Unknown path",
                    "no such path; inquiries go to POST /api/v1/inquiries/{service}, see GET /api/v1/services")),
            Map.entry(405, new Kind("METHOD_NOT_ALLOWED", "Method not allowed", "this path does not take this HTTP method")),
            Map.entry(406, new Kind("NOT_ACCEPTABLE", "Not acceptable", "the bus answers application/json or application/problem+json")),
            Map.entry(408, new Kind("REQUEST_TIMEOUT", "Request timeout", "the request was not received in time")),
            Map.entry(411, new Kind("LENGTH_REQUIRED", "Length required", "send a Content-Length or a chunked body")),
            Map.entry(413, new Kind("PAYLOAD_TOO_LARGE", "Payload too large", "the request body is too large")),
            Map.entry(414, new Kind("URI_TOO_LONG", "URI too long", "the request URI is too long")),
            Map.entry(415, new Kind("UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "this path does not take this content type")),
            Map.entry(417, new Kind("EXPECTATION_FAILED", "Expectation failed", "the Expect header is not supported")),
            Map.entry(431, new Kind("HEADERS_TOO_LARGE", "Request headers too large", "the request headers are too large")),
            Map.entry(501, new Kind("NOT_IMPLEMENTED", "Not implemented", "the bus does not implement this method")),
            Map.entry(503, new Kind("BUS_UNAVAILABLE", "Service unavailable", "the bus cannot take this request now")),
            Map.entry(505, new Kind("HTTP_VERSION_NOT_SUPPORTED", "HTTP version not supported", "use HTTP/1.1")));

    private static final Kind CLIENT_ERROR = new Kind("REQUEST_REJECTED", "Request rejected", "the request was rejected");
    private static final Kind SERVER_ERROR = new Kind("INTERNAL_ERROR", "Internal error",
            "the bus could not handle this request; quote the tracking ID to the operators");

    /** The problem for {@code status}, with a new tracking ID. */
    public static PerimeterProblem of(int status) {
        int effective = status < 400 || status > 599 ? 500 : status;
        Kind kind = KINDS.getOrDefault(effective, effective < 500 ? CLIENT_ERROR : SERVER_ERROR);
        return new PerimeterProblem(effective, kind.code(), kind.title(), kind.detail(), TrackingId.next());
    }

    public byte[] json() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:nix:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        problem.put("trackingId", trackingId.toString());
        return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    }
}
