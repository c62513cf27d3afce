package ir.nix.core.ingress.rest;

import ir.nix.core.admission.DoorVerdict;
import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.ingress.CallerReferences;
import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.perimeter.PerimeterRecords;
import ir.nix.core.perimeter.PerimeterProblem;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * {@code POST /api/v1/inquiries/{service}}: the REST channel into the inquiry pipeline.
 *
 * <p>A servlet of its own rather than a Spring MVC controller (issue 12): handler mapping, argument
 * resolution and return-value conversion took about a seventh of each inquiry's request-thread CPU, for
 * a path with one variable and a body the channel reads itself anyway. It reads the body itself, so
 * that every malformed, oversized or mistyped request still gets a tracking ID, a problem document and
 * a traffic record, like any other exchange. Other methods and deeper paths get the perimeter's
 * problems (405 with {@code Allow: POST}, 404), as Spring MVC's refusals do elsewhere.
 */
class InquiryServlet extends HttpServlet {

    static final String PATH = "/api/v1/inquiries/*";
    static final String TRACKING_HEADER = NixHeaders.TRACKING_ID;
    static final String REQUEST_ID_HEADER = NixHeaders.REQUEST_ID;
    static final String ON_BEHALF_OF_HEADER = NixHeaders.ON_BEHALF_OF;
    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;

    private final transient InquiryPipeline pipeline;
    private final transient ConsumerIdentifier identifier;
    private final transient RestReplyEncoder encoder;
    private final transient JsonFields fields;
    private final transient IngressProperties limits;
    private final transient PerimeterRecords perimeter;
    private final transient ForwardedConsumers forwarded;

    InquiryServlet(InquiryPipeline pipeline, ConsumerIdentifier identifier, RestReplyEncoder encoder, JsonFields fields,
                   IngressProperties limits, PerimeterRecords perimeter, ForwardedConsumers forwarded) {
        this.pipeline = pipeline;
        this.identifier = identifier;
        this.encoder = encoder;
        this.fields = fields;
        this.limits = limits;
        this.perimeter = perimeter;
        this.forwarded = forwarded;
    }

    @Override
    protected void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        String service = service(http);
        if (service == null) {
            refuse(http, response, PerimeterProblem.of(HttpServletResponse.SC_NOT_FOUND));
        } else if (!"POST".equals(http.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, "POST");
            refuse(http, response, PerimeterProblem.of(HttpServletResponse.SC_METHOD_NOT_ALLOWED));
        } else {
            InquiryReply reply = inquire(service, http);
            DoorVerdict.releasePermits(http);
            respond(reply, response);
        }
    }

    /** The one path segment after {@code /api/v1/inquiries/}, or null when there is none or more than one. */
    private static String service(HttpServletRequest http) {
        String info = http.getPathInfo();
        if (info == null || info.length() < 2 || info.indexOf('/', 1) >= 0) {
            return null;
        }
        return info.substring(1);
    }

    private InquiryReply inquire(String service, HttpServletRequest http) {
        Instant receivedAt = Instant.now();
        long receivedNanos = System.nanoTime();
        ConsumerIdentifier.Identification caller = identifier.identify(http);
        DoorVerdict door = DoorVerdict.of(http);
        InquiryRequest.Builder request = InquiryRequest.builder(Channel.REST, service, encoder)
                .received(receivedAt, receivedNanos)
                .consumer(caller.consumer())
                .clientCertificate(caller.certificate())
                .door(door);
        CallerReferences.read(http.getHeader(REQUEST_ID_HEADER), http.getHeader(ON_BEHALF_OF_HEADER), REQUEST_ID_HEADER,
                request);
        forwarded.apply(http, caller.consumer(), request);
        if (door.refused()) {
            // Issue 11: a full node reads no body; the refusal is the whole answer, and it must be quick.
            request.requestBytes((int) Math.max(0, Math.min(http.getContentLengthLong(), Integer.MAX_VALUE)));
        } else {
            readBody(http, request);
        }
        // 401 before anything about the message: an unidentified caller learns nothing of its validity.
        request.refuseUnidentified(caller);
        return pipeline.handle(request.build());
    }

    private void readBody(HttpServletRequest http, InquiryRequest.Builder request) {
        long declared = http.getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            request.requestBytes((int) Math.min(declared, Integer.MAX_VALUE));
            request.rejectedWith(OutcomeCode.PAYLOAD_TOO_LARGE, "body exceeds " + limits.maxBodyBytes() + " bytes");
            return;
        }
        if (!isJson(http.getContentType())) {
            request.rejectedWith(OutcomeCode.UNSUPPORTED_MEDIA_TYPE, "send the inquiry as application/json");
            return;
        }
        byte[] body;
        try (InputStream in = http.getInputStream()) {
            body = declared >= 0 ? declaredBody(in, (int) declared) : in.readNBytes(limits.maxBodyBytes() + 1);
        } catch (IOException unreadable) {
            request.rejectedWith(OutcomeCode.MALFORMED_REQUEST, "the request body could not be read");
            return;
        }
        request.requestBytes(body.length);
        if (body.length > limits.maxBodyBytes()) {
            request.rejectedWith(OutcomeCode.PAYLOAD_TOO_LARGE, "body exceeds " + limits.maxBodyBytes() + " bytes");
            return;
        }
        JsonFields.Result parsed = fields.read(body);
        if (parsed.error().isPresent()) {
            request.rejectedWith(parsed.errorOutcome(), parsed.error().get());
        } else {
            request.fields(parsed.fields());
        }
    }

    /**
     * A body of the declared length, read into an array of exactly that size (an inquiry is a few dozen bytes:
     * reading up to the limit first took an 8 KB buffer and a copy per inquiry). Tomcat ends the stream at the
     * declared length, so a shorter body comes back short and is refused as malformed by the parser.
     */
    private static byte[] declaredBody(InputStream in, int declared) throws IOException {
        byte[] body = new byte[declared];
        int read = in.readNBytes(body, 0, declared);
        return read == declared ? body : Arrays.copyOf(body, read);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        if (contentType.regionMatches(true, 0, JSON, 0, JSON.length())
                && (contentType.length() == JSON.length() || contentType.charAt(JSON.length()) == ';')) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix());
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    private static void respond(InquiryReply reply, HttpServletResponse response) throws IOException {
        response.setStatus(reply.outcome().httpStatus());
        response.setHeader(TRACKING_HEADER, reply.trackingId().toString());
        response.setContentType(reply.isSuccess() ? JSON : PROBLEM);
        reply.retryAfterSeconds().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        write(response, reply.encoded());
    }

    private void refuse(HttpServletRequest http, HttpServletResponse response, PerimeterProblem problem) throws IOException {
        byte[] body = problem.json();
        perimeter.refused(problem, http, body.length);
        response.setStatus(problem.status());
        response.setHeader(PerimeterProblem.TRACKING_HEADER, problem.trackingId().toString());
        response.setContentType(PROBLEM);
        write(response, body);
    }

    private static void write(HttpServletResponse response, byte[] body) throws IOException {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
