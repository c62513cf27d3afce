package ir.nix.deploy.packaging;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The kustomize base in {@code deploy/kubernetes}: every resource its kustomization lists. */
class KubernetesManifestsTest extends KubernetesResourcesContract {

    private static final Path DIRECTORY = Path.of("kubernetes");
    private static List<HasMetadata> resources;

    @Override
    List<HasMetadata> resources() {
        if (resources == null) {
            resources = kustomizeBase();
        }
        return resources;
    }

    static List<HasMetadata> kustomizeBase() {
        try {
            JsonNode kustomization = YAML.readTree(DIRECTORY.resolve("kustomization.yaml").toFile());
            List<HasMetadata> all = new ArrayList<>();
            for (JsonNode file : kustomization.get("resources")) {
                all.addAll(parse(Files.readString(DIRECTORY.resolve(file.asString()), StandardCharsets.UTF_8)));
            }
            return all;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
