package ir.nix.core.inquiry;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The one mediation route every service and every channel shares. A service is a descriptor plus an
 * adapter; it never gets a route of its own.
 */
@Component
class InquiryPipelineRoute extends RouteBuilder {

    static final String ENTRY = "direct:inquiry-pipeline";

    private final ArrivalCheck arrival;
    private final AdmissionCheck admission;
    private final ServiceResolution resolution;
    private final InputValidation validation;
    private final HubForwarding forwarding;
    private final PolicyEnforcement policy;
    private final ConditionCheck conditions;
    private final ProviderInvocation provider;
    private final ReplyMinimisation minimisation;
    private final ReplyRendering rendering;
    private final TrafficRecording recording;

    InquiryPipelineRoute(ArrivalCheck arrival, AdmissionCheck admission, ServiceResolution resolution, InputValidation validation,
                         HubForwarding forwarding, PolicyEnforcement policy, ConditionCheck conditions, ProviderInvocation provider,
                         ReplyMinimisation minimisation, ReplyRendering rendering, TrafficRecording recording) {
        this.arrival = arrival;
        this.admission = admission;
        this.resolution = resolution;
        this.validation = validation;
        this.forwarding = forwarding;
        this.policy = policy;
        this.conditions = conditions;
        this.provider = provider;
        this.minimisation = minimisation;
        this.rendering = rendering;
        this.recording = recording;
    }

    @Override
    public void configure() {
        // An unexpected failure still gets a tracking ID, a clear reply and a record: nothing is lost.
        onException(Exception.class)
                .handled(true)
                .process(new UnexpectedFailure()).id("unexpected-failure")
                .process(rendering)
                .process(recording);

        from(ENTRY).routeId("inquiry-pipeline")
                .process(arrival).id("identify-consumer")
                .process(resolution).id("resolve-service")
                .process(admission).id("admit")
                .process(validation).id("validate-input")
                .process(forwarding).id("forward-to-national-hub")
                .process(policy).id("decide-policy")
                .process(conditions).id("check-conditions")
                .process(provider).id("call-provider")
                .process(minimisation).id("minimise-reply")
                .process(rendering).id("render-reply")
                .process(recording).id("record-traffic");
    }
}
