package ir.nix.deploy.cli.keys;

import static org.assertj.core.api.Assertions.assertThat;

import ir.nix.deploy.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nix-bus keys issue|rotate|list} on a registry file, the master key read from a file. */
class KeysCommandTest {

    @TempDir
    Path directory;

    private Path masterKey;

    @BeforeEach
    void writeMasterKey() throws IOException {
        masterKey = Files.writeString(directory.resolve("master.key"), Base64.getEncoder().encodeToString(
                "a test master key of thirty-two bytes or more".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void issuesRotatesAndListsWithoutKeepingAnyKey() throws IOException {
        CliRun issued = keys("issue", "--agency", "CBI");
        CliRun rotated = keys("rotate", "--agency", "CBI");
        CliRun listed = keys("list");

        assertThat(issued.code()).isZero();
        assertThat(issued.out()).contains("CBI publication key version 1");
        assertThat(rotated.out()).contains("version 2").contains("version 1 stays in use beside it until");
        assertThat(listed.out()).contains("CBI 1 ").contains("CBI 2 ");
        String key = issued.out().lines().skip(1).findFirst().orElseThrow();
        assertThat(Base64.getUrlDecoder().decode(key)).hasSize(32);
        assertThat(Files.readString(directory.resolve("keys.txt"))).doesNotContain(key);
    }

    @Test
    void refusesASecondIssueAndAMalformedAgency() {
        keys("issue", "--agency", "CBI");

        assertThat(keys("issue", "--agency", "CBI")).satisfies(run -> {
            assertThat(run.code()).isEqualTo(KeysCommand.REFUSED);
            assertThat(run.err()).contains("already has a publication key; rotate it instead");
        });
        assertThat(keys("issue", "--agency", "cbi; rm").code()).isEqualTo(KeysCommand.REFUSED);
    }

    private CliRun keys(String command, String... args) {
        String[] all = new String[args.length + 6];
        all[0] = "keys";
        all[1] = command;
        System.arraycopy(args, 0, all, 2, args.length);
        all[args.length + 2] = "--registry";
        all[args.length + 3] = directory.resolve("keys.txt").toString();
        all[args.length + 4] = "--master-key-file";
        all[args.length + 5] = masterKey.toString();
        return CliRun.of(all);
    }
}
