package ir.nix.monitoring.access;

import org.springframework.security.core.AuthenticationException;

/**
 * A credential was presented and identifies nobody (a revoked certificate, an expired token, an
 * unknown role). The message becomes the 401 problem's {@code detail}: it names the reason, never
 * the credential.
 */
final class ViewerRefused extends AuthenticationException {

    ViewerRefused(String detail) {
        super(detail);
    }
}
