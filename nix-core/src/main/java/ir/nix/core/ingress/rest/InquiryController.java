package ir.nix.core.ingress.rest;

import ir.nix.core.admission.DoorVerdict;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.ingress.CallerReferences;
import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.inquiry.Channel;
import ir.nix.core.inquiry.InquiryPipeline;
import ir.nix.core.inquiry.InquiryReply;
import ir.nix.core.inquiry.InquiryRequest;
import ir.nix.core.inquiry.OutcomeCode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/inquiries/{service}}: the REST channel into the inquiry pipeline.
 *
 * <p>The controller reads the body itself rather than letting the framework bind it, so that every
 * malformed, oversized or mistyped request still gets a tracking ID, a problem document and a traffic
 * record, like any other exchange.
 */
@RestController
class InquiryController {

    static final String TRACKING_HEADER = NixHeaders.TRACKING_ID;
    static final String REQUEST_ID_HEADER = NixHeaders.REQUEST_ID;
    static final String ON_BEHALF_OF_HEADER = NixHeaders.ON_BEHALF_OF;
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    private final InquiryPipeline pipeline;
    private final ConsumerIdentifier identifier;
    private final RestReplyEncoder encoder;
    private final JsonFields fields;
    private final IngressProperties limits;

    InquiryController(InquiryPipeline pipeline, ConsumerIdentifier identifier, RestReplyEncoder encoder, JsonFields fields,
                      IngressProperties limits) {
        this.pipeline = pipeline;
        this.identifier = identifier;
        this.encoder = encoder;
        this.fields = fields;
        this.limits = limits;
    }

    @PostMapping("/api/v1/inquiries/{service}")
    ResponseEntity<byte[]> inquire(@PathVariable("service") String service, HttpServletRequest http) {
        Instant receivedAt = Instant.now();
        long receivedNanos = System.nanoTime();
        DoorVerdict door = DoorVerdict.of(http);
        ConsumerIdentifier.Identification caller = identifier.identify(http);
        InquiryRequest.Builder request = InquiryRequest.builder(Channel.REST, service, encoder)
                .received(receivedAt, receivedNanos)
                .consumer(caller.consumer())
                .clientCertificate(caller.certificate())
                .door(door);
        readHeaders(http, request);
        if (door == DoorVerdict.SATURATED) {
            // Issue 11: a full node reads no body; the refusal is the whole answer, and it must be quick.
            request.requestBytes((int) Math.max(0, Math.min(http.getContentLengthLong(), Integer.MAX_VALUE)));
        } else {
            readBody(http, request);
        }
        // 401 before anything about the message: an unidentified caller learns nothing of its validity.
        caller.refusal().filter(reason -> caller.consumer().isEmpty())
                .ifPresent(reason -> request.rejectedWith(OutcomeCode.CONSUMER_NOT_IDENTIFIED, reason));
        return respond(pipeline.handle(request.build()));
    }

    private static void readHeaders(HttpServletRequest http, InquiryRequest.Builder request) {
        CallerReferences.read(http.getHeader(REQUEST_ID_HEADER), http.getHeader(ON_BEHALF_OF_HEADER), REQUEST_ID_HEADER,
                request);
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
            body = in.readNBytes(limits.maxBodyBytes() + 1);
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

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix());
        } catch (RuntimeException unparseable) {
            return false;
        }
    }

    static ResponseEntity<byte[]> respond(InquiryReply reply) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(reply.outcome().httpStatus())
                .header(TRACKING_HEADER, reply.trackingId().toString())
                .contentType(reply.isSuccess() ? MediaType.APPLICATION_JSON : PROBLEM);
        reply.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return response.body(reply.encoded());
    }
}
