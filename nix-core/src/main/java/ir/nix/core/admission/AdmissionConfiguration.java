package ir.nix.core.admission;

import ir.nix.core.provider.ServiceCatalog;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Puts the {@link AdmissionDoor} in front of the HTTP inquiry paths, right after the security headers. */
@Configuration(proxyBeanMethods = false)
class AdmissionConfiguration {

    /** The inquiry paths of the REST and SOAP channels (their WSDL GETs pass the door untouched). */
    static final String[] INQUIRY_PATHS = {"/api/v1/inquiries/*", "/soap/*"};

    @Bean
    FilterRegistrationBean<AdmissionDoor> admissionDoor(Admission admission, ServiceCatalog catalog) {
        FilterRegistrationBean<AdmissionDoor> registration = new FilterRegistrationBean<>(new AdmissionDoor(admission, catalog));
        registration.addUrlPatterns(INQUIRY_PATHS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}
