package ir.nix.monitoring.access;

import ir.nix.core.ingress.NixHeaders;
import ir.nix.core.ingress.ProblemResponse;
import ir.nix.core.tracking.TrackingId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Security's two refusals on the operator paths as NIX problems (RFC 9457) with a tracking ID:
 * {@code 401} {@value #NOT_IDENTIFIED} when nobody is identified, naming why (the certificate is
 * revoked, the token expired, nothing was presented), and {@code 403} {@value #NOT_PERMITTED} when the
 * viewer's role may not use the path. Never the credential, never the path.
 *
 * @param nothingPresented the 401 detail when the request carried no credential at all
 */
record AccessProblems(JsonMapper json, String nothingPresented) implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String NOT_IDENTIFIED = "VIEWER_NOT_IDENTIFIED";
    static final String NOT_PERMITTED = "ROLE_NOT_PERMITTED";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        String detail = refused instanceof ViewerRefused ? refused.getMessage()
                : refused instanceof OAuth2AuthenticationException
                ? "the bearer token is malformed; " + CertificateViewerResolver.ASK : nothingPresented;
        response.setHeader("WWW-Authenticate", "Bearer realm=\"nix\"");
        write(response, HttpStatus.UNAUTHORIZED, NOT_IDENTIFIED, "Viewer not identified", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Authentication viewer = SecurityContextHolder.getContext().getAuthentication();
        String role = viewer instanceof ViewerAuthentication known ? known.viewer().role().name() : "this caller";
        write(response, HttpStatus.FORBIDDEN, NOT_PERMITTED, "Role not permitted",
                "role " + role + " may not use this path (docs/operators.md, section 1: who sees what)");
    }

    private void write(HttpServletResponse response, HttpStatus status, String code, String title, String detail)
            throws IOException {
        String tracking = TrackingId.next().toString();
        ProblemDetail problem = ProblemResponse.problem(status, code, detail);
        problem.setTitle(title);
        problem.setProperty("trackingId", tracking);
        response.setStatus(status.value());
        response.setHeader(NixHeaders.TRACKING_ID, tracking);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
