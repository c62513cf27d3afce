package ir.nix.core.inquiry;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * One step of the inquiry pipeline. A step either records what it found in the context or decides
 * the exchange's outcome; once an outcome is decided, the remaining steps are skipped.
 */
interface InquiryStep extends Processor {

    void apply(InquiryContext inquiry);

    @Override
    default void process(Exchange exchange) {
        InquiryContext inquiry = exchange.getMessage().getBody(InquiryContext.class);
        if (!inquiry.decided() || runsAfterDecision()) {
            apply(inquiry);
        }
    }

    /** Rendering and recording run for every exchange, decided or not. */
    default boolean runsAfterDecision() {
        return false;
    }
}
