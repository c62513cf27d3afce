package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees what (demo identification: {@code X-NIX-Role}, {@code X-NIX-Consumer}): roles guard the
 * monitoring API; inquiries, SOAP and actuator stay as they were.
 */
class AccessTest extends BusUnderTest {

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
    void exposesTheBacklogAndPolicyReloadMetrics() {
        String metrics = get("/actuator/prometheus").raw();

        assertThat(metrics).contains("nix_traffic_backlog", "nix_traffic_records_enqueued_total",
                "nix_traffic_records_written_total", "nix_policy_reload_failures_total");
    }
}
