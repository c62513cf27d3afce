package ir.nix.core.ingress.rest;

import io.micrometer.core.instrument.MeterRegistry;
import ir.nix.core.hub.HubProperties;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.inquiry.InquiryPipeline;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the REST channel's servlet on {@value InquiryServlet#PATH}, beside Spring MVC's dispatcher on {@code /}. */
@Configuration(proxyBeanMethods = false)
class RestIngressConfiguration {

    @Bean
    ServletRegistrationBean<InquiryServlet> inquiryServlet(InquiryPipeline pipeline, ConsumerIdentifier identifier,
            RestReplyEncoder encoder, JsonFields fields, IngressProperties limits, ObjectProvider<MeterRegistry> meters,
            HubProperties hub) {
        ServletRegistrationBean<InquiryServlet> registration = new ServletRegistrationBean<>(
                new InquiryServlet(pipeline, identifier, encoder, fields, limits, meters.getIfAvailable(),
                        new ForwardedConsumers(hub)), InquiryServlet.PATH);
        registration.setName("nix-rest-inquiries");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
