package ir.nix.core.admission;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

    private final Admission admission;

    AdmissionDoor(Admission admission) {
        this.admission = admission;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!admission.tryAdmit()) {
            request.setAttribute(DoorVerdict.ATTRIBUTE, DoorVerdict.SATURATED);
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(DoorVerdict.ATTRIBUTE, DoorVerdict.ADMITTED);
        try {
            chain.doFilter(request, response);
        } finally {
            admission.release();
        }
    }
}
