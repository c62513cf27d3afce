package ir.nix.monitoring.access;

import ir.nix.core.ingress.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces {@link AccessRules} in front of the monitoring API: resolves the {@link Viewer}, answers
 * 401 ({@value #NOT_IDENTIFIED}) when nobody is identified and 403 ({@value #NOT_PERMITTED}) when the
 * role may not use the path, and otherwise hands the viewer to the controllers as a request attribute.
 *
 * <p>A servlet filter on {@code /api/v1/*} rather than a Spring Security filter chain: the inquiry
 * path under the same prefix passes with one string comparison and keeps its responses exactly as
 * they were (no security headers, sessions or CSRF checks in front of SOAP and REST inquiries).
 */
final class AccessFilter extends OncePerRequestFilter {

    static final String NOT_IDENTIFIED = "VIEWER_NOT_IDENTIFIED";
    static final String NOT_PERMITTED = "ROLE_NOT_PERMITTED";
    static final String ATTRIBUTE = Viewer.class.getName();

    private final ViewerResolver viewers;
    private final JsonMapper json;

    AccessFilter(ViewerResolver viewers, JsonMapper json) {
        this.viewers = viewers;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Set<Role>> allowed = AccessRules.rolesFor(path(request));
        if (allowed.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ViewerResolver.Resolution resolution = viewers.resolve(request);
        if (resolution.viewer().isEmpty()) {
            refuse(response, HttpStatus.UNAUTHORIZED, NOT_IDENTIFIED, "Viewer not identified", resolution.problem());
            return;
        }
        Viewer viewer = resolution.viewer().get();
        if (!allowed.get().contains(viewer.role())) {
            refuse(response, HttpStatus.FORBIDDEN, NOT_PERMITTED, "Role not permitted",
                    "role " + viewer.role() + " may not use this path; allowed: " + allowed.get());
            return;
        }
        request.setAttribute(ATTRIBUTE, viewer);
        chain.doFilter(request, response);
    }

    /** The decoded, normalised path the servlet container matched (no {@code ..}, no path parameters). */
    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String code, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemResponse.of(status, code, detail).getBody();
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"nix\"");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
