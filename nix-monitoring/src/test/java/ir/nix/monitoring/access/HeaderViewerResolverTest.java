package ir.nix.monitoring.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class HeaderViewerResolverTest {

    final HeaderViewerResolver resolver = new HeaderViewerResolver();

    ViewerResolver.Resolution resolve(String role, String agency) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (role != null) {
            request.addHeader("X-NIX-Role", role);
        }
        if (agency != null) {
            request.addHeader("X-NIX-Consumer", agency);
        }
        return resolver.resolve(request);
    }

    @Test
    void identifiesOperatorsAndAuditorsByRoleAlone() {
        assertThat(resolve("OPERATOR", null).viewer()).contains(Viewer.of(Role.OPERATOR));
        assertThat(resolve("AUDITOR", "MOE").viewer().orElseThrow().restrictedTo()).isEmpty();
    }

    @Test
    void identifiesAnAgencyByRoleAndAgencyCode() {
        assertThat(resolve("AGENCY", "MOE").viewer().orElseThrow().restrictedTo()).contains("MOE");
    }

    @Test
    void identifiesNobodyWithoutAValidRole() {
        assertThat(resolve(null, "MOE").viewer()).isEmpty();
        assertThat(resolve(null, "MOE").presented()).isFalse();
        assertThat(resolve("ADMIN", null).presented()).isTrue();
        assertThat(resolve("ADMIN", null).problem()).contains("X-NIX-Role");
        assertThat(resolve("AGENCY", null).problem()).contains("X-NIX-Consumer");
    }
}
