package ir.nix.core.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ir.nix.core.agency.AgencyCode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/** An inquiry that arrives before the mediation route has started waits for it, then is answered. */
class InquiryPipelineStartupTest {

    @Test
    void waitsForTheRouteToStartInsteadOfFailing() throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(InquiryPipelineRoute.ENTRY).process(exchange -> {
                    InquiryContext inquiry = exchange.getMessage().getBody(InquiryContext.class);
                    inquiry.answer(java.util.Map.of("matched", true));
                    inquiry.replied(inquiry.toReply());
                });
            }
        });
        InquiryPipeline pipeline = new InquiryPipeline(camel.createProducerTemplate(), camel);
        InquiryRequest request = InquiryRequest.builder(Channel.REST, "shahkar", ReplyEncoder.NONE)
                .consumer(Optional.of(new AgencyCode("MOE"))).build();

        CompletableFuture<InquiryReply> reply = CompletableFuture.supplyAsync(() -> pipeline.handle(request));
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !reply.isDone());
        camel.start();

        try {
            assertThat(reply.get().outcome()).isEqualTo(OutcomeCode.OK);
        } finally {
            camel.stop();
        }
    }
}
