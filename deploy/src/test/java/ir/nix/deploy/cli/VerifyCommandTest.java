package ir.nix.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command line contract without a store; verification itself: nix-core and integration-tests. */
class VerifyCommandTest {

    @Test
    void dispatchesOnlyItsCommandsAwayFromTheBus() {
        assertThat(NixCli.handles(new String[] {"verify", "--help"})).isTrue();
        assertThat(NixCli.handles(new String[] {"--spring.profiles.active=demo"})).isFalse();
        assertThat(NixCli.handles(new String[0])).isFalse();
    }

    @Test
    void explainsItselfAndItsExitCodes() {
        CliRun help = CliRun.of("verify", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--db-url", "--from-seq", "--certificate", "not yet anchored", "Exit codes");
    }

    @Test
    void exitsWithTwoOnAUsageError() {
        CliRun missingUrl = CliRun.of("verify");
        CliRun badRange = CliRun.of("verify", "--db-url", "jdbc:h2:mem:none", "--from-seq", "5", "--to-seq", "2");

        assertThat(missingUrl.code()).isEqualTo(2);
        assertThat(missingUrl.err()).contains("--db-url", "nix-bus verify --help");
        assertThat(badRange.code()).isEqualTo(2);
        assertThat(badRange.err()).contains("--to-seq");
    }

    @Test
    void exitsWithTwoWhenTheDatabaseIsNotATrafficStore() {
        CliRun empty = CliRun.of("verify", "--db-url", "jdbc:h2:mem:not-a-store");

        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("cannot read the traffic store");
    }

    @Test
    void exitsWithTwoWhenTheCertificateCannotBeRead() {
        CliRun unreadable = CliRun.of("verify", "--db-url", "jdbc:h2:mem:x", "--certificate", "/nonexistent/bus.pem");

        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains("--certificate");
    }
}
