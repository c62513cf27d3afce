package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends an exchange that failed in a way no step foresaw. The caller gets INTERNAL_ERROR with its
 * tracking ID; the log gets the exception type and the pipeline step, never the message (which may
 * quote request content).
 */
final class UnexpectedFailure implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedFailure.class);

    @Override
    public void process(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        InquiryContext inquiry = exchange.getMessage().getBody(InquiryContext.class);
        decide(inquiry, exchange.getProperty(Exchange.FAILURE_ROUTE_ID), cause);
    }

    /** Logs the failure's type and where it happened (never its message), and decides INTERNAL_ERROR. */
    static void decide(InquiryContext inquiry, Object where, Exception cause) {
        LOG.error("inquiry {} failed unexpectedly at {}: {}", inquiry.request().trackingId(), where,
                cause == null ? "?" : cause.getClass().getName());
        inquiry.decide(OutcomeCode.INTERNAL_ERROR, "the bus could not complete this exchange; quote the tracking ID to the operator");
    }
}
