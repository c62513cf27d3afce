package ir.nix.core.admission;

import ir.nix.core.agency.AgencyCode;
import ir.nix.core.provider.ServiceCatalog;
import ir.nix.core.service.ServiceDescriptor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission at the very front of the HTTP inquiry paths (REST {@code /api/v1/inquiries/*}, SOAP
 * {@code /soap/*}): the permit is taken before Spring MVC or CXF read a byte and held until the reply has
 * been written, so the bound covers the whole exchange, body and rendering included. A request that finds
 * the node full is marked {@link DoorVerdict#SATURATED}; its channel then skips everything but the answer
 * (tracking ID, problem or fault, {@code Retry-After}, traffic record), which it can give at once because
 * Tomcat's threads stand well above the admission limit (docs/operators.md).
 *
 * <p>Only POSTs are inquiries: WSDL and schema downloads pass without a permit.
 */
final class AdmissionDoor extends OncePerRequestFilter {

    private static final String REST_PREFIX = "/api/v1/inquiries/";

    private final Admission admission;
    private final ServiceCatalog catalog;

    AdmissionDoor(Admission admission, ServiceCatalog catalog) {
        this.admission = admission;
        this.catalog = catalog;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    /**
     * A REST path names its service, so the door takes the provider's share before the node's permit: a flood of
     * one provider's callers beyond its share is refused here without holding any of the permits that other
     * providers' callers need (issue 11). SOAP names its operation in the body: its share is taken in the pipeline.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<AgencyCode> provider = restProvider(request);
        if (provider.isPresent() && !admission.tryAdmitFor(provider.get())) {
            refused(DoorVerdict.PROVIDER_SATURATED, request, response, chain);
            return;
        }
        if (!admission.tryAdmit()) {
            provider.ifPresent(admission::releaseShare);
            refused(DoorVerdict.SATURATED, request, response, chain);
            return;
        }
        request.setAttribute(DoorVerdict.ATTRIBUTE, provider.isPresent() ? DoorVerdict.ADMITTED_WITH_SHARE : DoorVerdict.ADMITTED);
        Runnable release = new Release(admission, provider);
        request.setAttribute(DoorVerdict.RELEASE_ATTRIBUTE, release);
        try {
            chain.doFilter(request, response);
        } finally {
            release.run();
        }
    }

    /** The permits of one exchange, given back once: by its channel before the reply's bytes, or by the door after. */
    private static final class Release extends AtomicBoolean implements Runnable {

        private final transient Admission admission;
        private final transient Optional<AgencyCode> provider;

        Release(Admission admission, Optional<AgencyCode> provider) {
            this.admission = admission;
            this.provider = provider;
        }

        @Override
        public void run() {
            if (compareAndSet(false, true)) {
                admission.release();
                provider.ifPresent(admission::releaseShare);
            }
        }
    }

    private static void refused(DoorVerdict verdict, HttpServletRequest request, HttpServletResponse response,
                                FilterChain chain) throws ServletException, IOException {
        request.setAttribute(DoorVerdict.ATTRIBUTE, verdict);
        chain.doFilter(request, response);
    }

    private Optional<AgencyCode> restProvider(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith(REST_PREFIX) || path.indexOf('/', REST_PREFIX.length()) >= 0) {
            return Optional.empty();
        }
        return catalog.descriptor(path.substring(REST_PREFIX.length())).map(ServiceDescriptor::provider);
    }
}
