package ir.nix.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Helm chart in {@code deploy/helm/nix-bus}, rendered by Helm's own template engine (helm-java bundles
 * Helm's Go library): its resources keep the same contract as the kustomize base, and with its default values
 * they are the kustomize base's resources, field for field, apart from Helm's labels, so the two sources
 * cannot drift apart untested.
 */
class HelmChartTest extends KubernetesResourcesContract {

    private static final Path CHART = Path.of("helm", "nix-bus");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static List<HasMetadata> withPlaceholderSecrets;

    @Override
    List<HasMetadata> resources() {
        if (withPlaceholderSecrets == null) {
            withPlaceholderSecrets = render("nix-bus", template -> template.set("secrets.create", "true"));
        }
        return withPlaceholderSecrets;
    }

    @Test
    void lintsWithoutAFinding() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void rendersTheKustomizeBaseWithItsDefaultValues() {
        List<HasMetadata> kustomize = KubernetesManifestsTest.kustomizeBase().stream()
                .filter(resource -> !resource.getKind().equals("Namespace")).toList();

        assertThat(resources()).hasSameSizeAs(kustomize);
        for (HasMetadata expected : kustomize) {
            HasMetadata rendered = resources().stream()
                    .filter(resource -> resource.getKind().equals(expected.getKind())
                            && resource.getMetadata().getName().equals(expected.getMetadata().getName()))
                    .findFirst().orElseThrow(() -> new AssertionError("the chart renders no " + expected.getKind()
                            + " " + expected.getMetadata().getName()));
            assertThat(comparable(rendered)).as(expected.getKind() + " " + expected.getMetadata().getName())
                    .isEqualTo(comparable(expected));
        }
    }

    @Test
    void makesNoSecretUnlessAskedAndMountsTheOperatorsOwn() {
        List<HasMetadata> release = render("nix-health", template -> template
                .set("secrets.tls", "health-hub-tls").set("policyBundle.existingConfigMap", "health-bundle"));
        String deployment = Serialization.asJson(release.stream().filter(r -> r.getKind().equals("Deployment"))
                .findFirst().orElseThrow());

        assertThat(release).noneMatch(Secret.class::isInstance);
        assertThat(release).extracting(resource -> resource.getMetadata().getName())
                .contains("nix-health", "nix-health-config").doesNotContain("health-bundle");
        assertThat(deployment).contains("\"secretName\":\"health-hub-tls\"", "\"name\":\"health-bundle\"",
                "\"secretName\":\"nix-health-registry\"", "\"name\":\"nix-health-credentials\"");
    }

    @Test
    void rendersAClusterHubFromTheSameChartWithItsCertificateForTheNationalHub() {
        List<HasMetadata> hub = render("nix-health", template -> template
                .withValuesFile(CHART.resolve("examples/cluster-hub-health.yaml")));
        String deployment = Serialization.asJson(hub.stream().filter(r -> r.getKind().equals("Deployment"))
                .findFirst().orElseThrow());
        JsonNode config = YAML.readTree(((ConfigMap) hub.stream().filter(r -> r.getMetadata().getName().equals("nix-health-config"))
                .findFirst().orElseThrow()).getData().get("application-cluster.yml"));

        assertThat(deployment).contains("\"mountPath\":\"/etc/nix/hub\"", "\"secretName\":\"health-hub-certificate\"");
        assertThat(config.at("/nix/hub/services").toString()).isEqualTo("[\"postal-address\"]");
        assertThat(config.at("/nix/hub/national/ssl-bundle").asString()).isEqualTo("national-hub");
        assertThat(config.at("/spring/ssl/bundle/pem/national-hub/keystore/certificate").asString())
                .startsWith("/etc/nix/hub/");
    }

    private static List<HasMetadata> render(String release, UnaryOperator<TemplateCommand> values) {
        String manifests = values.apply(new Helm(CHART).template().withName(release).withNamespace("nix")).call();
        try {
            return parse(manifests);
        } catch (IOException unparsable) {
            throw new UncheckedIOException(unparsable);
        }
    }

    /**
     * A resource without what only Helm adds: the release's labels and instance selector, the configuration
     * checksum; a ConfigMap's YAML files compared as YAML, not as text with comments.
     */
    private static JsonNode comparable(HasMetadata resource) {
        JsonNode tree = JSON.readTree(Serialization.asJson(resource));
        ((ObjectNode) tree.get("metadata")).remove(List.of("labels", "annotations"));
        withoutHelmKeys(tree);
        JsonNode data = tree.path("data");
        if (resource.getKind().equals("ConfigMap") && data instanceof ObjectNode files) {
            for (Map.Entry<String, JsonNode> file : List.copyOf(files.properties())) {
                if (file.getKey().endsWith(".yml")) {
                    files.set(file.getKey(), YAML.readTree(file.getValue().asString()));
                }
            }
        }
        return tree;
    }

    private static void withoutHelmKeys(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("app.kubernetes.io/instance", "checksum/config"));
        }
        node.forEach(HelmChartTest::withoutHelmKeys);
    }
}
