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
        assertThat(resolve("ADMIN", null).problem()).contains("X-NIX-Role");
        assertThat(resolve("AGENCY", null).problem()).contains("X-NIX-Consumer");
    }

    @Test
    void protectsOnlyTheMonitoringPaths() {
        assertThat(AccessRules.rolesFor("/api/v1/admin/policy/reload")).contains(java.util.EnumSet.of(Role.OPERATOR));
        assertThat(AccessRules.rolesFor("/api/v1/grants")).contains(java.util.EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        assertThat(AccessRules.rolesFor("/api/v1/reports/exchanges"))
                .contains(java.util.EnumSet.of(Role.OPERATOR, Role.AUDITOR, Role.AGENCY));
        assertThat(AccessRules.rolesFor("/actuator/prometheus")).contains(java.util.EnumSet.of(Role.OPERATOR, Role.METRICS));
        assertThat(AccessRules.rolesFor("/api/v1/traffic/subject-lookup")).contains(java.util.EnumSet.of(Role.OPERATOR, Role.AUDITOR));
        assertThat(AccessRules.rolesFor("/api/v1/inquiries/shahkar")).isEmpty();
        assertThat(AccessRules.rolesFor("/api/v1/grantsX")).isEmpty();
        assertThat(AccessRules.rolesFor("/api/v1/signing/certificate")).isEmpty();
    }
}
