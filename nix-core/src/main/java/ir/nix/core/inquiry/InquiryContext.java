package ir.nix.core.inquiry;

import ir.nix.core.exchange.OutcomeCode;
import ir.nix.core.provider.ProviderAdapter;
import ir.nix.core.service.ServiceDescriptor;
import ir.nix.core.service.ValidatedInput;
import ir.nix.policy.BundleIdentity;
import ir.nix.policy.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One exchange as it travels the pipeline: the request, what each step found, and — once any step
 * decides — the outcome. Steps after a decision are skipped; recording always runs.
 *
 * <p>Lives only in memory for the duration of one exchange.
 */
public final class InquiryContext {

    private final InquiryRequest request;
    private ServiceDescriptor service;
    private ProviderAdapter adapter;
    private ValidatedInput input;
    private Decision decision;
    private BundleIdentity bundle;
    private Map<String, Object> data = Map.of();
    private Instant forwardedAt;
    private Instant answeredAt;
    private long providerNanos = -1;
    private OutcomeCode outcome;
    private String detail = "";
    private Duration retryAfter;
    private InquiryReply reply;
    private Runnable release;
    private boolean forwardedToHub;

    public InquiryContext(InquiryRequest request) {
        this.request = request;
    }

    public InquiryRequest request() {
        return request;
    }

    public boolean decided() {
        return outcome != null;
    }

    /** Ends the exchange with a failure (or a final success); later steps are skipped. */
    public void decide(OutcomeCode code, String reason) {
        this.outcome = code;
        this.detail = reason;
    }

    public void answer(Map<String, Object> granted) {
        this.data = granted;
        this.outcome = OutcomeCode.OK;
        this.detail = "";
    }

    public Optional<OutcomeCode> outcome() {
        return Optional.ofNullable(outcome);
    }

    public String detail() {
        return detail;
    }

    public Optional<ServiceDescriptor> service() {
        return Optional.ofNullable(service);
    }

    void resolved(ServiceDescriptor descriptor, ProviderAdapter providerAdapter) {
        this.service = descriptor;
        this.adapter = providerAdapter;
    }

    Optional<ProviderAdapter> adapter() {
        return Optional.ofNullable(adapter);
    }

    public Optional<ValidatedInput> input() {
        return Optional.ofNullable(input);
    }

    void validated(ValidatedInput validated) {
        this.input = validated;
    }

    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    void decidedBy(Decision policyDecision) {
        this.decision = policyDecision;
        this.bundle = policyDecision.bundle();
    }

    public Optional<BundleIdentity> bundle() {
        return Optional.ofNullable(bundle);
    }

    Map<String, Object> data() {
        return data;
    }

    /** The provider's full answer, held until minimisation replaces it with the granted items. */
    void provided(Map<String, Object> providerData) {
        this.data = providerData;
    }

    void providerCalled(Instant forwarded, Instant answered, long nanos) {
        this.forwardedAt = forwarded;
        this.answeredAt = answered;
        this.providerNanos = nanos;
    }

    public Optional<Instant> forwardedAt() {
        return Optional.ofNullable(forwardedAt);
    }

    public Optional<Instant> answeredAt() {
        return Optional.ofNullable(answeredAt);
    }

    /** Provider latency in nanoseconds, or -1 when the provider was not called. */
    public long providerNanos() {
        return providerNanos;
    }

    /** Admitted under the node's admission control: {@code permitRelease} gives the permit back, once (a node
     *  permit and a provider's share each add one; they are given back in the reverse order). */
    void admitted(Runnable permitRelease) {
        Runnable held = release;
        this.release = held == null ? permitRelease : () -> {
            permitRelease.run();
            held.run();
        };
    }

    /** Gives back the admission permit, if the exchange holds one. */
    void releaseAdmission() {
        Runnable held = release;
        release = null;
        if (held != null) {
            held.run();
        }
    }

    /** On a cluster hub: the national hub decides this exchange (policy, minimisation); this hub passes it on. */
    void forwardedToNationalHub() {
        this.forwardedToHub = true;
    }

    public boolean forwardedToHub() {
        return forwardedToHub;
    }

    void retryAfter(Duration wait) {
        this.retryAfter = wait;
    }

    public Optional<InquiryReply> reply() {
        return Optional.ofNullable(reply);
    }

    void replied(InquiryReply rendered) {
        this.reply = rendered;
    }

    InquiryReply toReply() {
        OutcomeCode code = outcome == null ? OutcomeCode.INTERNAL_ERROR : outcome;
        return new InquiryReply(request.trackingId(), code, service().map(ServiceDescriptor::code),
                service().map(ServiceDescriptor::provider), code.isSuccess() ? data : Map.of(), detail,
                Optional.ofNullable(retryAfter), new byte[0]);
    }
}
