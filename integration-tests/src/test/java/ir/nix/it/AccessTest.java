package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ir.nix.monitoring.access.AccessConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.FilterChainProxy;

/**
 * Who sees what (demo identification: {@code X-NIX-Role}, {@code X-NIX-Consumer}): roles guard the
 * monitoring API; inquiries, SOAP and actuator stay as they were, and never pass Spring Security's chain.
 */
class AccessTest extends BusUnderTest {

    static final List<String> INQUIRY_PATHS = List.of("/api/v1/inquiries/shahkar", "/api/v1/inquiries/insurance-list",
            "/soap/inquiry");

    @Autowired
    FilterChainProxy security;

    @Autowired
    ServletWebServerApplicationContext context;

    static final String SHAHKAR = "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}";

    /** Demo identification of a viewer: {@code role} null sends none; {@code agency} names an AGENCY viewer's agency. */
    static Map<String, String> viewer(String role, String agency) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (role != null) {
            headers.put("X-NIX-Role", role);
        }
        if (agency != null) {
            headers.put("X-NIX-Consumer", agency);
        }
        return headers;
    }

    Reply as(String role, String agency, String path) {
        return get(path, viewer(role, agency));
    }

    @Test
    void refusesMonitoringDataWithoutARole() {
        Reply reply = as(null, null, "/api/v1/reports/exchanges?from=2026-11-23&to=2026-11-23");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("code").asString()).isEqualTo("VIEWER_NOT_IDENTIFIED");
        assertThat(reply.body().path("detail").asString()).contains("X-NIX-Role");
    }

    @Test
    void refusesAnUnknownRole() {
        assertThat(as("ADMIN", null, "/api/v1/dashboard/summary").status()).isEqualTo(401);
    }

    @Test
    void keepsGrantsFromAgencies() {
        Reply agency = as("AGENCY", "MOE", "/api/v1/grants");

        assertThat(agency.status()).isEqualTo(403);
        assertThat(agency.body().path("code").asString()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(as("AUDITOR", null, "/api/v1/grants").status()).isEqualTo(200);
        assertThat(as("OPERATOR", null, "/api/v1/grants").status()).isEqualTo(200);
    }

    @Test
    void keepsTheClusterViewFromAgencies() {
        assertThat(as("AGENCY", "MOE", "/api/v1/cluster/nodes").status()).isEqualTo(403);
        assertThat(as("AUDITOR", null, "/api/v1/cluster/nodes").status()).isEqualTo(200);
        assertThat(as("OPERATOR", null, "/api/v1/cluster/nodes").body().path("answeredBy").asString()).isNotEmpty();
    }

    @Test
    void keepsAdministrationForOperators() {
        Reply auditor = post("/api/v1/admin/policy/reload", Map.of("X-NIX-Role", "AUDITOR"), "");
        Reply operator = post("/api/v1/admin/policy/reload", Map.of("X-NIX-Role", "OPERATOR"), "");

        assertThat(auditor.status()).isEqualTo(403);
        assertThat(operator.status()).isEqualTo(200);
    }

    @Test
    void showsAnAgencyOnlyTheExchangesItTookPartIn() {
        String moe = inquire("shahkar", "MOE", SHAHKAR).trackingHeader();
        trafficRecord(moe);

        assertThat(as("AGENCY", "MOE", "/api/v1/traffic?trackingId=" + moe).status()).isEqualTo(200);
        assertThat(as("AGENCY", "CRA", "/api/v1/traffic?trackingId=" + moe).status()).isEqualTo(200);
        Reply other = as("AGENCY", "IHIO", "/api/v1/traffic?trackingId=" + moe);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body().path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(as("AUDITOR", null, "/api/v1/traffic?trackingId=" + moe).status()).isEqualTo(200);
    }

    @Test
    void scopesTheDashboardToTheAgency() {
        trafficRecord(inquire("shahkar", "MOE", SHAHKAR).trackingHeader());
        trafficRecord(inquire("shahkar", "IRCS", SHAHKAR).trackingHeader());

        Reply ircs = as("AGENCY", "IRCS", "/api/v1/dashboard/summary?range=start");

        assertThat(ircs.status()).isEqualTo(200);
        assertThat(ircs.body().path("scope").asString()).isEqualTo("IRCS");
        assertThat(ircs.body().path("consumers").valueStream().map(row -> row.path("code").asString()))
                .containsOnly("IRCS");
        assertThat(ircs.body().path("recentDenials").valueStream().map(row -> row.path("consumer").asString()))
                .containsOnly("IRCS");
    }

    @Test
    void leavesInquiriesHealthMetricsAndTheCatalogueOpen() {
        assertThat(inquire("shahkar", "MOE", SHAHKAR).status()).isEqualTo(200);
        assertThat(get("/actuator/health").status()).isEqualTo(200);
        assertThat(get("/api/v1/services").status()).isEqualTo(200);
        assertThat(get("/api/v1/signing/certificate").raw()).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(get("/").raw()).contains("dashboard/dashboard.js");
    }

    @Test
    void keepsTheInquiryPathsOutOfTheSecurityFilterChain() {
        ServletContext container = context.getServletContext();
        Collection<String> patterns = container.getFilterRegistration(AccessConfiguration.FILTER_NAME).getUrlPatternMappings();
        assertThat(container.getFilterRegistrations().values())
                .filteredOn(filter -> filter.getClassName().startsWith("org.springframework.security"))
                .extracting(FilterRegistration::getName).containsExactly(AccessConfiguration.FILTER_NAME);

        assertThat(patterns).isNotEmpty().doesNotContain("/*", "/api/*", "/api/v1/*", "/soap/*");
        for (String path : INQUIRY_PATHS) {
            assertThat(patterns).noneMatch(pattern -> covers(pattern, path));
            assertThat(security.getFilterChains()).noneMatch(chain -> chain.matches(new MockHttpServletRequest("POST", path)));
        }
        assertThat(patterns).anyMatch(pattern -> covers(pattern, "/actuator/prometheus"));
        assertThat(security.getFilterChains()).anyMatch(chain -> chain.matches(new MockHttpServletRequest("GET", "/api/v1/grants")));
    }

    /** Servlet URL-pattern matching (Servlet 6 section 12.2) for the pattern forms the bus uses. */
    private static boolean covers(String pattern, String path) {
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return pattern.equals(path);
    }

    @Test
    void answersAnInquiryWhateverCredentialHeadersItCarries() {
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", "Bearer not-a-token", "X-NIX-Role", "NOBODY"));

        assertThat(post("/api/v1/inquiries/shahkar", withConsumer(headers, "MOE"), SHAHKAR).status()).isEqualTo(200);
    }

    private static Map<String, String> withConsumer(Map<String, String> headers, String agency) {
        headers.put("X-NIX-Consumer", agency);
        headers.put("Content-Type", "application/json");
        return headers;
    }

    @Test
    void answersRefusalsWithATrackingId() {
        Reply nobody = as(null, null, "/api/v1/grants");
        Reply agency = as("AGENCY", "MOE", "/api/v1/admin/reports/rollup");

        assertThat(nobody.trackingHeader()).isNotBlank().isEqualTo(nobody.body().path("trackingId").asString());
        assertThat(agency.status()).isEqualTo(403);
        assertThat(agency.contentType()).startsWith("application/problem+json");
        assertThat(agency.trackingHeader()).isNotBlank().isEqualTo(agency.body().path("trackingId").asString());
    }

    @Test
    void exposesTheBacklogAndPolicyReloadMetrics() {
        String metrics = get("/actuator/prometheus").raw();

        assertThat(metrics).contains("nix_traffic_backlog", "nix_traffic_records_enqueued_total",
                "nix_traffic_records_written_total", "nix_traffic_journal_writes_total", "nix_policy_reload_failures_total");
    }
}
