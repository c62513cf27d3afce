package ir.nix.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * What the bus's Kubernetes resources must be, whichever source renders them (the kustomize base in
 * {@code deploy/kubernetes}, the Helm chart in {@code deploy/helm/nix-bus}): parsed strictly with the fabric8
 * Kubernetes model, every document is a known kind, no field is unknown to the model (a misspelt
 * {@code readinesProbe} would otherwise be silently dropped by the API server's client), and the pieces fit
 * together (selectors, probes, mounts, the HPA's target).
 */
abstract class KubernetesResourcesContract {

    static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The resources of the source under test, parsed. */
    abstract List<HasMetadata> resources();

    @Test
    void parsesEveryDocumentAsAKnownKindWithNoUnknownField() {
        List<HasMetadata> resources = resources();
        assertThat(resources).extracting(HasMetadata::getKind).contains("Deployment", "Service",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap", "Secret", "NetworkPolicy");
        assertThat(resources).noneMatch(GenericKubernetesResource.class::isInstance);
        assertThat(resources).allSatisfy(resource -> assertThat(unknownFields(resource, "", new IdentityHashMap<>()))
                .as(resource.getKind() + " " + resource.getMetadata().getName()).isEmpty());
    }

    @Test
    void runsTheBusUnprivilegedOnAReadOnlyRootFileSystem() {
        PodSpec pod = deployment().getSpec().getTemplate().getSpec();
        Container bus = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(bus.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(bus.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(bus.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(bus.getVolumeMounts()).extracting("mountPath").contains("/tmp", "/var/lib/nix");
    }

    @Test
    void probesTheBusOnItsLivenessAndReadinessGroups() {
        Container bus = deployment().getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(path(bus.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(path(bus.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
        assertThat(path(bus.getStartupProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(bus.getPorts()).anySatisfy(port -> {
            assertThat(port.getName()).isEqualTo(bus.getReadinessProbe().getHttpGet().getPort().getStrVal());
            assertThat(port.getContainerPort()).isEqualTo(8081);
        });
        assertThat(bus.getArgs()).contains("--spring.profiles.active=prod,cluster");
    }

    @Test
    void mountsOnlyVolumesThatExistFromConfigMapsAndSecretsThatExist() {
        PodSpec pod = deployment().getSpec().getTemplate().getSpec();
        List<String> volumes = pod.getVolumes().stream().map(Volume::getName).toList();
        Set<String> configMaps = names("ConfigMap");
        Set<String> secrets = names("Secret");

        assertThat(pod.getContainers().get(0).getVolumeMounts()).allSatisfy(mount ->
                assertThat(volumes).contains(mount.getName()));
        assertThat(pod.getVolumes()).allSatisfy(volume -> {
            if (volume.getConfigMap() != null) {
                assertThat(configMaps).contains(volume.getConfigMap().getName());
            }
            if (volume.getSecret() != null) {
                assertThat(secrets).contains(volume.getSecret().getSecretName());
            }
        });
        assertThat(pod.getContainers().get(0).getEnvFrom()).allSatisfy(source ->
                assertThat(secrets).contains(source.getSecretRef().getName()));
    }

    @Test
    void selectsTheBusPodsFromTheServiceAndTheDisruptionBudget() {
        Map<String, String> podLabels = deployment().getSpec().getTemplate().getMetadata().getLabels();
        Service service = only(Service.class);
        PodDisruptionBudget budget = only(PodDisruptionBudget.class);

        assertThat(podLabels).containsAllEntriesOf(deployment().getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isPositive()
                .isLessThan(deployment().getSpec().getReplicas());
    }

    @Test
    void scalesTheDeploymentOnItsInquiryRate() {
        HorizontalPodAutoscaler autoscaler = only(HorizontalPodAutoscaler.class);

        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment().getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(autoscaler.getSpec().getMetrics()).anySatisfy(metric ->
                assertThat(metric.getPods().getMetric().getName()).isEqualTo("nix_inquiries_per_second"));
    }

    private static String path(Probe probe) {
        return probe.getHttpGet().getPath();
    }

    Deployment deployment() {
        return only(Deployment.class);
    }

    <T extends HasMetadata> T only(Class<T> type) {
        List<T> found = resources().stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }

    private Set<String> names(String kind) {
        return Set.copyOf(resources().stream().filter(resource -> kind.equals(resource.getKind()))
                .map(resource -> resource.getMetadata().getName()).toList());
    }

    /** Every non-empty YAML document of {@code manifests} as a fabric8 model object. */
    static List<HasMetadata> parse(String manifests) throws IOException {
        List<HasMetadata> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> yaml = YAML.readerFor(JsonNode.class).readValues(manifests)) {
            while (yaml.hasNext()) {
                JsonNode document = yaml.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    documents.add(Serialization.unmarshal(document.toString(), HasMetadata.class));
                }
            }
        }
        return documents;
    }

    /**
     * Fields the model did not know: fabric8 keeps them in {@code additionalProperties} instead of
     * failing, so a typo would pass a plain parse.
     */
    private static List<String> unknownFields(Object model, String at, Map<Object, Boolean> seen) {
        List<String> unknown = new ArrayList<>();
        if (model == null || seen.put(model, Boolean.TRUE) != null) {
            return unknown;
        }
        if (model instanceof Collection<?> items) {
            items.forEach(item -> unknown.addAll(unknownFields(item, at + "[]", seen)));
            return unknown;
        }
        if (model instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> unknown.addAll(unknownFields(value, at + "." + key, seen)));
            return unknown;
        }
        if (!model.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return unknown;
        }
        for (Method getter : model.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, model);
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra) {
                extra.keySet().forEach(key -> unknown.add(at + "." + key));
            } else {
                unknown.addAll(unknownFields(value, at + "." + getter.getName().substring(3), seen));
            }
        }
        return unknown;
    }

    private static Object invoke(Method getter, Object model) {
        try {
            return getter.invoke(model);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
