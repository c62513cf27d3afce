package ir.nix.core.ingress.rest;

import ir.nix.core.hub.HubProperties;
import ir.nix.core.perimeter.PerimeterRecords;
import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.inquiry.InquiryPipeline;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the REST channel's servlet on {@value InquiryServlet#PATH}, beside Spring MVC's dispatcher on {@code /}. */
@Configuration(proxyBeanMethods = false)
class RestIngressConfiguration {

    @Bean
    ServletRegistrationBean<InquiryServlet> inquiryServlet(InquiryPipeline pipeline, ConsumerIdentifier identifier,
            RestReplyEncoder encoder, JsonFields fields, IngressProperties limits, PerimeterRecords perimeter,
            HubProperties hub) {
        ServletRegistrationBean<InquiryServlet> registration = new ServletRegistrationBean<>(
                new InquiryServlet(pipeline, identifier, encoder, fields, limits, perimeter, new ForwardedConsumers(hub)),
                InquiryServlet.PATH);
        registration.setName("nix-rest-inquiries");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
