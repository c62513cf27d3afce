package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.provider.ProviderCall;
import ir.nix.core.provider.ProviderResult;
import ir.nix.core.provider.isolation.ProviderIsolation;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Calls the provider through its adapter, under the provider's isolation (breaker, bulkhead, deadline),
 * and turns every non-answer into an outcome.
 */
@Component
record ProviderInvocation(ProviderIsolation isolation) implements InquiryStep {

    @Override
    public void apply(InquiryContext inquiry) {
        var service = inquiry.service().orElseThrow();
        var request = inquiry.request();
        ProviderCall call = new ProviderCall(request.trackingId(), request.consumer().orElseThrow(),
                inquiry.input().orElseThrow(), service.timeout());
        Instant forwarded = Instant.now();
        long start = System.nanoTime();
        ProviderResult result = isolation.call(service, call, inquiry.adapter().orElseThrow()::call);
        long elapsed = System.nanoTime() - start;
        if (!(result instanceof ProviderResult.NotCalled)) {
            inquiry.providerCalled(forwarded, forwarded.plusNanos(elapsed), elapsed);
        }
        settle(inquiry, result);
    }

    private static void settle(InquiryContext inquiry, ProviderResult result) {
        if (result instanceof ProviderResult.Answered answered) {
            inquiry.provided(answered.data());
        } else if (result instanceof ProviderResult.NotFound notFound) {
            inquiry.decide(OutcomeCode.NOT_FOUND, notFound.detail());
        } else if (result instanceof ProviderResult.Rejected rejected) {
            inquiry.decide(OutcomeCode.PROVIDER_REJECTED, rejected.detail());
        } else if (result instanceof ProviderResult.TimedOut timedOut) {
            inquiry.decide(OutcomeCode.PROVIDER_TIMEOUT, timedOut.detail());
        } else if (result instanceof ProviderResult.Unavailable unavailable) {
            inquiry.decide(OutcomeCode.PROVIDER_UNAVAILABLE, unavailable.detail());
        } else if (result instanceof ProviderResult.NotCalled notCalled) {
            inquiry.decide(OutcomeCode.PROVIDER_UNAVAILABLE, notCalled.detail());
            inquiry.retryAfter(notCalled.retryAfter());
        } else {
            inquiry.decide(OutcomeCode.PROVIDER_ERROR, ((ProviderResult.Failed) result).detail());
        }
    }
}
