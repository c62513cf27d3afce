package ir.nix.deploy.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/docker/Dockerfile}, read instruction by instruction (no Docker daemon here: it is not
 * built): a JRE base, a non-root user, the packaged jar and its archive-training script only, a health check on the bus's
 * readiness probe at the management port the image configures.
 */
class DockerfileTest {

    private static List<String> instructions;

    @BeforeAll
    static void read() throws IOException {
        instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("docker", "Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            current.append(trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).append(' ');
            if (!trimmed.endsWith("\\")) {
                instructions.add(current.toString().strip());
                current.setLength(0);
            }
        }
    }

    @Test
    void startsFromAJavaRuntimeNotAJdk() {
        assertThat(instructions.get(0)).matches("FROM eclipse-temurin:17-jre");
    }

    @Test
    void runsAsANumericNonRootUser() {
        List<String> users = instructions("USER");
        assertThat(users).isNotEmpty();
        assertThat(users.get(users.size() - 1)).matches("USER [1-9][0-9]{3,}:[1-9][0-9]{3,}");
    }

    @Test
    void copiesOnlyThePackagedBusAndItsArchiveTrainingAndDownloadsNothing() {
        assertThat(instructions("ADD")).isEmpty();
        assertThat(instructions("COPY")).hasSize(2)
                .anySatisfy(copy -> assertThat(copy).contains("deploy/target/nix-bus.jar"))
                .anySatisfy(copy -> assertThat(copy).contains("deploy/cds/train.sh"));
    }

    @Test
    void trainsTheStartUpArchiveWithTheSameScriptAsOutsideAnImageAndStartsFromIt() {
        assertThat(instructions("RUN")).anySatisfy(run -> assertThat(run).contains("/opt/nix/train.sh /opt/nix/nix-bus.jar /opt/nix/app"));
        assertThat(instructions("ENTRYPOINT")).singleElement().asString()
                .contains("-XX:SharedArchiveFile=/opt/nix/app/nix-bus.jsa", "/opt/nix/app/nix-bus.jar");
    }

    @Test
    void checksHealthOnTheReadinessProbeOfTheManagementPort() {
        assertThat(instructions("ENV")).singleElement().asString().contains("MANAGEMENT_SERVER_PORT=8081");
        assertThat(instructions("HEALTHCHECK")).singleElement().asString()
                .contains("http://127.0.0.1:8081/actuator/health/readiness");
    }

    @Test
    void keepsItsStateInTheDataVolumeSoTheRootFileSystemCanBeReadOnly() {
        assertThat(instructions("VOLUME")).singleElement().asString().contains("/var/lib/nix");
        assertThat(instructions("ENTRYPOINT")).singleElement().asString().contains("--nix.data-dir=/var/lib/nix");
    }

    private static List<String> instructions(String keyword) {
        return instructions.stream().filter(instruction -> instruction.startsWith(keyword + " ")).toList();
    }
}
