package ir.nix.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code deploy/compose/docker-compose.yml}, the local cluster, parsed and checked against what it must
 * be: two bus nodes sharing one store and a live/backup broker pair, Prometheus and Grafana with the
 * provisioned dashboard; only Compose keys the specification knows; every file it mounts exists.
 * (No Docker daemon here: the images are neither pulled nor started.)
 */
class ComposeFileTest {

    private static final Path FILE = Path.of("compose", "docker-compose.yml");
    /** The service keys of the Compose specification this file may use (a typo must not pass silently). */
    private static final Set<String> SERVICE_KEYS = Set.of("build", "image", "command", "environment", "volumes",
            "ports", "depends_on", "healthcheck", "read_only", "tmpfs", "restart", "hostname", "user", "networks");
    private static JsonNode compose;

    @BeforeAll
    static void parse() throws IOException {
        compose = YAMLMapper.builder().build().readTree(FILE.toFile());
    }

    @Test
    void usesOnlyKnownKeys() {
        assertThat(names(compose)).allMatch(key -> Set.of("name", "services", "volumes", "networks").contains(key));
        compose.get("services").properties().forEach(service ->
                assertThat(names(service.getValue())).as(service.getKey()).isSubsetOf(SERVICE_KEYS));
    }

    @Test
    void runsTwoBusNodesOnOneStoreWithClusterQuotas() {
        JsonNode first = environment("nix-1");
        JsonNode second = environment("nix-2");

        assertThat(first.get("NIX_NODE").asString()).isNotEqualTo(second.get("NIX_NODE").asString());
        for (String shared : List.of("SPRING_DATASOURCE_URL", "SPRING_ARTEMIS_BROKER_URL", "NIX_QUOTA_STORE")) {
            assertThat(first.get(shared).asString()).as(shared).isEqualTo(second.get(shared).asString());
        }
        assertThat(first.get("SPRING_DATASOURCE_URL").asString()).startsWith("jdbc:postgresql://postgres:");
        assertThat(first.get("NIX_QUOTA_STORE").asString()).isEqualTo("postgresql");
        assertThat(first.get("SPRING_ARTEMIS_EMBEDDED_ENABLED").asString()).isEqualTo("false");
    }

    @Test
    void pointsTheBusAtBothBrokersOfTheLiveBackupPair() {
        String brokers = environment("nix-1").get("SPRING_ARTEMIS_BROKER_URL").asString();
        String live = service("artemis-live").get("environment").get("EXTRA_ARGS").asString();
        String backup = service("artemis-backup").get("environment").get("EXTRA_ARGS").asString();

        assertThat(brokers).contains("tcp://artemis-live:61616", "tcp://artemis-backup:61616", "ha=true");
        assertThat(live).contains("--shared-store", "--data /var/lib/artemis-journal").doesNotContain("--backup");
        assertThat(backup).contains("--shared-store", "--data /var/lib/artemis-journal", "--backup");
        // one journal for both: the backup takes over the live broker's messages from the shared volume
        assertThat(service("artemis-live").get("volumes").toString()).contains("artemis-journal:/var/lib/artemis-journal");
        assertThat(service("artemis-backup").get("volumes").toString()).contains("artemis-journal:/var/lib/artemis-journal");
    }

    @Test
    void runsTheBusNodesReadOnlyWithAWritableTmp() {
        for (String node : List.of("nix-1", "nix-2")) {
            assertThat(service(node).get("read_only").asBoolean()).as(node).isTrue();
            assertThat(values(service(node).get("tmpfs"))).as(node).contains("/tmp");
            assertThat(service(node).get("build").get("dockerfile").asString()).isEqualTo("deploy/docker/Dockerfile");
        }
    }

    @Test
    void dependsOnlyOnServicesItDefinesAndUsesOnlyVolumesItDeclares() {
        Set<String> services = Set.copyOf(names(compose.get("services")));
        Set<String> volumes = Set.copyOf(names(compose.get("volumes")));
        compose.get("services").properties().forEach(service -> {
            JsonNode dependsOn = service.getValue().get("depends_on");
            List<String> dependencies = dependsOn == null ? List.of()
                    : dependsOn.isArray() ? values(dependsOn) : names(dependsOn);
            assertThat(services).as(service.getKey()).containsAll(dependencies);
            for (String mount : values(service.getValue().get("volumes"))) {
                String source = mount.substring(0, mount.indexOf(':'));
                if (source.startsWith(".")) {
                    assertThat(FILE.getParent().resolve(source)).as(mount).exists();
                } else {
                    assertThat(volumes).as(mount).contains(source);
                }
            }
        });
    }

    @Test
    void provisionsPrometheusWithTheAlertRulesAndGrafanaWithTheNixDashboard() throws IOException {
        assertThat(values(service("prometheus").get("volumes"))).anyMatch(mount -> mount.startsWith("../prometheus/nix.rules.yml:"));
        assertThat(values(service("grafana").get("volumes"))).anyMatch(mount -> mount.startsWith("../grafana/nix-dashboard.json:"));
        String scrape = Files.readString(FILE.getParent().resolve("prometheus.yml"));
        assertThat(scrape).contains("nix-1:8081", "nix-2:8081", "nix.rules.yml");
    }

    private static JsonNode service(String name) {
        JsonNode service = compose.get("services").get(name);
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    private static JsonNode environment(String node) {
        return service(node).get("environment");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null) {
            array.forEach(item -> values.add(item.asString()));
        }
        return values;
    }
}
