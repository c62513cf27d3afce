package ir.nix.monitoring.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A {@link Viewer} as Spring Security's authentication: its role is the one authority ({@code ROLE_OPERATOR}, …). */
final class ViewerAuthentication extends AbstractAuthenticationToken {

    private final Viewer viewer;

    ViewerAuthentication(Viewer viewer) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
        this.viewer = viewer;
        setAuthenticated(true);
    }

    Viewer viewer() {
        return viewer;
    }

    @Override
    public Object getPrincipal() {
        return viewer;
    }

    @Override
    public Object getCredentials() {
        return null;
    }
}
