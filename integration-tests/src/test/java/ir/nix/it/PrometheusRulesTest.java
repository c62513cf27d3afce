package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production alert rules and Grafana dashboard ({@code deploy/prometheus}, {@code deploy/grafana})
 * are valid and speak of metrics the bus really exposes.
 */
class PrometheusRulesTest extends BusUnderTest {

    static final Path DEPLOY = Path.of("..", "deploy");
    static final Path RULES = DEPLOY.resolve("prometheus/nix.rules.yml");
    static final Path GRAFANA = DEPLOY.resolve("grafana/nix-dashboard.json");
    static final Pattern METRIC = Pattern.compile("\\b(nix|resilience4j)_[a-z_]+");

    @Test
    void alertRulesPassPromtool() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        // Skipped on a developer's machine without promtool; never in CI, where .ci/run installs it.
        assumeTrue(Files.isExecutable(promtool) || System.getenv("CI") != null,
                "promtool is not installed (Debian package prometheus; .ci/run installs it)");
        Process check = new ProcessBuilder(promtool.toString(), "check", "rules", RULES.toString())
                .redirectErrorStream(true).start();
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void rulesAndDashboardUseOnlyMetricsTheBusExposes() throws IOException {
        inquire("shahkar", "MOE", "{\"nationalCode\":\"0499370899\",\"mobile\":\"09121234567\"}");
        String exposed = get("/actuator/prometheus").raw();

        Set<String> used = metricsIn(Files.readString(RULES));
        used.addAll(metricsIn(Files.readString(GRAFANA)));

        assertThat(used).contains("nix_traffic_backlog", "nix_policy_reload_failures_total", "nix_inquiry_duration_seconds_bucket",
                "resilience4j_circuitbreaker_state", "resilience4j_bulkhead_available_concurrent_calls");
        assertThat(used).allSatisfy(metric -> assertThat(exposed).contains(metric + "{"));
    }

    @Test
    void grafanaDashboardIsJson() throws IOException {
        assertThat(JSON.readTree(Files.readString(GRAFANA)).path("panels").size()).isGreaterThan(10);
    }

    private static Set<String> metricsIn(String text) {
        Set<String> metrics = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            metrics.add(matcher.group());
        }
        return metrics;
    }
}
