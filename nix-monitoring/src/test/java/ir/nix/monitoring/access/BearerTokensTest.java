package ir.nix.monitoring.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class BearerTokensTest {

    static final String SCRAPER_TOKEN = "0123456789abcdef0123456789abcdef-scraper";
    final BearerTokens tokens = new BearerTokens(new AccessProperties(
            new AccessProperties.Oidc("https://sso.example", null, null, "nix_role", "nix_agency"), null));

    static Jwt token(Object roles, String agency) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").claim("nix_role", roles);
        return agency == null ? jwt.build() : jwt.claim("nix_agency", agency).build();
    }

    static AccessProperties withoutOidc(String metricsToken) {
        return new AccessProperties(new AccessProperties.Oidc(null, null, null, "nix_role", "nix_agency"), metricsToken);
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
        BearerTokens disabled = new BearerTokens(withoutOidc(null));
        assertThatThrownBy(() -> disabled.authenticate(new BearerTokenAuthenticationToken("eyJhbGciOi")))
                .isInstanceOf(ViewerRefused.class).hasMessageContaining("no OIDC issuer");
    }

    @Test
    void knowsTheScraperByItsStaticTokenAndNothingElseByIt() {
        BearerTokens scraper = new BearerTokens(withoutOidc(SCRAPER_TOKEN));

        ViewerAuthentication metrics = (ViewerAuthentication) scraper.authenticate(new BearerTokenAuthenticationToken(SCRAPER_TOKEN));

        assertThat(metrics.viewer()).isEqualTo(Viewer.of(Role.METRICS));
        assertThat(metrics.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_METRICS");
        assertThatThrownBy(() -> scraper.authenticate(new BearerTokenAuthenticationToken(SCRAPER_TOKEN + "x")))
                .isInstanceOf(ViewerRefused.class).hasMessageNotContaining(SCRAPER_TOKEN);
    }

    @Test
    void refusesAMetricsTokenTooShortToBeASecret() {
        assertThatThrownBy(() -> withoutOidc("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32");
    }
}
