package ir.nix.core.inquiry;

import ir.nix.core.exchange.Channel;
import ir.nix.core.exchange.OutcomeCode;
import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.core.agency.AgencyCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An inquiry that arrives before the mediation route has started is answered at once with
 * {@code 503 NODE_NOT_READY}, rendered and recorded; once the route runs, inquiries go through it.
 */
class InquiryPipelineStartupTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final List<InquiryContext> recorded = new ArrayList<>();
    private InquiryPipeline pipeline;

    @BeforeEach
    void pipelineWhoseRouteIsNotStarted() throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(InquiryPipelineRoute.ENTRY).process(exchange -> {
                    InquiryContext inquiry = exchange.getMessage().getBody(InquiryContext.class);
                    inquiry.answer(Map.of("matched", true));
                    inquiry.replied(inquiry.toReply());
                });
            }
        });
        InquiryStep rendering = inquiry -> inquiry.replied(inquiry.toReply());
        InquiryStep recording = recorded::add;
        pipeline = new InquiryPipeline(camel.createProducerTemplate(), camel, List.of(rendering, recording), List.of());
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void answersNodeNotReadyAtOnceAndRecordsItBeforeTheRouteStarts() {
        InquiryRequest request = shahkar();

        InquiryReply reply = pipeline.handle(request);

        assertThat(reply.outcome()).isEqualTo(OutcomeCode.NODE_NOT_READY);
        assertThat(reply.outcome().httpStatus()).isEqualTo(503);
        assertThat(reply.trackingId()).isEqualTo(request.trackingId());
        assertThat(reply.retryAfterSeconds()).hasValue(InquiryPipeline.NOT_READY_RETRY_AFTER.toSeconds());
        assertThat(recorded).singleElement().satisfies(inquiry -> assertThat(inquiry.request()).isSameAs(request));
    }

    @Test
    void mediatesThroughTheRouteOnceItHasStarted() {
        pipeline.handle(shahkar());
        camel.start();

        InquiryReply reply = pipeline.handle(shahkar());

        assertThat(reply.outcome()).isEqualTo(OutcomeCode.OK);
        assertThat(recorded).as("only the refusal was recorded by the pipeline itself").hasSize(1);
    }

    private static InquiryRequest shahkar() {
        return InquiryRequest.builder(Channel.REST, "shahkar", ReplyEncoder.NONE)
                .consumer(Optional.of(new AgencyCode("MOE"))).build();
    }
}
