package ir.nix.core.ingress.soap;

import ir.nix.core.identification.ConsumerIdentifier;
import ir.nix.core.ingress.rest.IngressProperties;
import jakarta.xml.ws.Endpoint;
import java.util.Map;
import javax.wsdl.WSDLException;
import org.apache.cxf.Bus;
import org.apache.cxf.bus.spring.SpringBus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.logging.FaultListener;
import org.apache.cxf.transport.servlet.CXFServlet;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.wsdl.WSDLManager;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SOAP channel: CXF's servlet on {@code /soap/*} only (so {@code /api/**} and
 * {@code /actuator/**} stay with Spring MVC), its own {@link SpringBus}, and the inquiry endpoint
 * at {@code /soap/inquiry}, published from the contract {@link InquiryWsdl} writes from the catalogue.
 *
 * <p>CXF 4.2.3 publishes no Spring Boot starter for Boot 4, so the servlet and bus are registered
 * here. No logging feature is installed: CXF never logs message bodies, and {@link QuietFaultListener}
 * keeps fault messages out of the log too.
 */
@Configuration(proxyBeanMethods = false)
class SoapIngressConfiguration {

    /** Named {@code cxf}: the name CXFServlet looks the bus up by. */
    @Bean(name = Bus.DEFAULT_BUS_ID, destroyMethod = "shutdown")
    SpringBus cxf() {
        SpringBus bus = new SpringBus();
        bus.setProperty(FaultListener.class.getName(), new QuietFaultListener());
        // No contract here (the inquiry WSDL, the providers' WSDLs) carries a WS-Policy; the engine's interceptors
        // still looked for one on every message, in and out (about 3 % of a SOAP inquiry's request-thread time).
        PolicyEngine policies = bus.getExtension(PolicyEngine.class);
        if (policies != null) {
            policies.setEnabled(false);
        }
        return bus;
    }

    @Bean
    ServletRegistrationBean<CXFServlet> soapServlet() {
        ServletRegistrationBean<CXFServlet> registration = new ServletRegistrationBean<>(new CXFServlet(),
                SoapContract.SERVLET_MAPPING);
        registration.setName("nix-soap");
        registration.setLoadOnStartup(1);
        registration.setInitParameters(Map.of("hide-service-list-page", "true"));
        return registration;
    }

    @Bean(destroyMethod = "stop")
    Endpoint inquiryEndpoint(SpringBus bus, SoapInquiries inquiries, SoapOperations operations,
                             ConsumerIdentifier identifier, IngressProperties limits) {
        registerContract(bus, operations);
        EndpointImpl endpoint = new EndpointImpl(bus, new InquiryDoor(inquiries, operations));
        endpoint.setWsdlLocation(SoapContract.WSDL_LOCATION);
        endpoint.setServiceName(InquiryWsdl.SERVICE);
        endpoint.setEndpointName(InquiryWsdl.PORT);
        TrackingIdHeader trackingId = new TrackingIdHeader();
        endpoint.getInInterceptors().add(new SoapArrivalInterceptor(identifier, limits));
        endpoint.getOutInterceptors().add(trackingId);
        endpoint.getOutFaultInterceptors().add(new SoapFaultTranslation(inquiries));
        endpoint.getOutFaultInterceptors().add(trackingId);
        endpoint.publish(SoapContract.ENDPOINT_ADDRESS);
        return endpoint;
    }

    /** CXF reads the contract from its WSDL cache, where the one written from the catalogue is put first. */
    private static void registerContract(Bus bus, SoapOperations operations) {
        WSDLManager wsdls = bus.getExtension(WSDLManager.class);
        try {
            wsdls.addDefinition(SoapContract.WSDL_LOCATION,
                    wsdls.getDefinition(InquiryWsdl.of(operations.services()).getDocumentElement()));
        } catch (WSDLException e) {
            throw new IllegalStateException("the SOAP contract written from the service catalogue is no valid WSDL", e);
        }
    }
}
