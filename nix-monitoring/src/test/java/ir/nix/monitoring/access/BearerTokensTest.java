package ir.nix.monitoring.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class BearerTokensTest {

    final BearerTokens tokens = new BearerTokens(new AccessProperties.Oidc("https://sso.example", null, null, "nix_role", "nix_agency"));

    static Jwt token(Object roles, String agency) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").claim("nix_role", roles);
        return agency == null ? jwt.build() : jwt.claim("nix_agency", agency).build();
    }

    @Test
    void takesTheStrongestRoleTheTokenNames() {
        assertThat(tokens.viewer(token(List.of("AGENCY", "AUDITOR"), "MOE"))).contains(Viewer.of(Role.AUDITOR));
        assertThat(tokens.viewer(token("OPERATOR", null))).contains(Viewer.of(Role.OPERATOR));
    }

    @Test
    void makesAnAgencyViewerOnlyWithAWellFormedAgencyClaim() {
        assertThat(tokens.viewer(token("AGENCY", "IHIO")).orElseThrow().restrictedTo()).contains("IHIO");
        assertThat(tokens.viewer(token("AGENCY", null))).isEmpty();
        assertThat(tokens.viewer(token("AGENCY", "not an agency"))).isEmpty();
    }

    @Test
    void refusesTokensWithoutARoleAndAllTokensWithoutAnIssuer() {
        assertThat(tokens.viewer(token(List.of("USER"), null))).isEmpty();
        BearerTokens disabled = new BearerTokens(new AccessProperties.Oidc(null, null, null, "nix_role", "nix_agency"));
        assertThat(disabled.resolve("eyJhbGciOi").viewer()).isEmpty();
    }
}
