package ir.nix.core.ingress.soap;

import ir.nix.core.admission.DoorVerdict;
import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.inquiry.InquiryRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.cxf.message.Exchange;

/**
 * What the SOAP channel learnt about a request on arrival, before CXF parsed a byte of it: when it
 * came, who sent it, and how large it is. Kept in the CXF exchange so that the operation, and the
 * fault path for requests that never reach one, hand the pipeline the same facts.
 */
final class SoapArrival {

    private final Instant receivedAt = Instant.now();
    private final long receivedNanos = System.nanoTime();
    private final ConsumerIdentifier.Identification caller;
    private final long declaredBytes;
    private final DoorVerdict door;
    private long readBytes;

    SoapArrival(ConsumerIdentifier.Identification caller, long declaredBytes, DoorVerdict door) {
        this.caller = caller;
        this.declaredBytes = declaredBytes;
        this.door = door;
    }

    static SoapArrival of(Exchange exchange) {
        return exchange.get(SoapArrival.class);
    }

    long declaredBytes() {
        return declaredBytes;
    }

    void applyTo(InquiryRequest.Builder request) {
        long bytes = declaredBytes >= 0 ? declaredBytes : readBytes;
        request.received(receivedAt, receivedNanos)
                .consumer(caller.consumer())
                .clientCertificate(caller.certificate())
                .requestBytes((int) Math.min(bytes, Integer.MAX_VALUE))
                .door(door);
        request.refuseUnidentified(caller);
    }

    /** Whether the caller's certificate identified nobody: that answer comes before any about the message. */
    boolean unidentified() {
        return caller.consumer().isEmpty();
    }

    /** The body as CXF will read it: counted, and cut off past {@code maxBytes} (chunked bodies declare no length). */
    InputStream meter(InputStream body, int maxBytes) {
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    counted(1, maxBytes);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    counted(n, maxBytes);
                }
                return n;
            }
        };
    }

    private void counted(int bytes, int maxBytes) throws ChannelRejection {
        readBytes += bytes;
        if (readBytes > maxBytes) {
            throw ChannelRejection.tooLarge(maxBytes);
        }
    }
}
