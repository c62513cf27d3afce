package ir.nix.core.ingress.soap;

import ir.nix.core.exchange.OutcomeCode;
import java.io.IOException;

/**
 * A request the SOAP channel refuses before CXF hands it to an operation (too large, not XML). An
 * {@link IOException} so that the metered body stream can raise it from inside the XML parser.
 */
final class ChannelRejection extends IOException {

    private final OutcomeCode outcome;

    ChannelRejection(OutcomeCode outcome, String detail) {
        super(detail);
        this.outcome = outcome;
    }

    OutcomeCode outcome() {
        return outcome;
    }

    String detail() {
        return getMessage();
    }

    static ChannelRejection tooLarge(int maxBytes) {
        return new ChannelRejection(OutcomeCode.PAYLOAD_TOO_LARGE, "body exceeds " + maxBytes + " bytes");
    }
}
