package ir.nix.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line contract without a store; verification itself: nix-core and integration-tests. */
class VerifyCommandTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NixCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void dispatchesOnlyItsCommandsAwayFromTheBus() {
        assertThat(NixCli.handles(new String[] {"verify", "--help"})).isTrue();
        assertThat(NixCli.handles(new String[] {"--spring.profiles.active=demo"})).isFalse();
        assertThat(NixCli.handles(new String[0])).isFalse();
    }

    @Test
    void explainsItselfAndItsExitCodes() {
        Run help = run("verify", "--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--db-url", "--from-seq", "--certificate", "not yet anchored", "Exit codes");
    }

    @Test
    void exitsWithTwoOnAUsageError() {
        Run missingUrl = run("verify");
        Run badRange = run("verify", "--db-url", "jdbc:h2:mem:none", "--from-seq", "5", "--to-seq", "2");

        assertThat(missingUrl.code()).isEqualTo(2);
        assertThat(missingUrl.err()).contains("--db-url", "nix-bus verify --help");
        assertThat(badRange.code()).isEqualTo(2);
        assertThat(badRange.err()).contains("--to-seq");
    }

    @Test
    void exitsWithTwoWhenTheDatabaseIsNotATrafficStore() {
        Run empty = run("verify", "--db-url", "jdbc:h2:mem:not-a-store");

        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("cannot read the traffic store");
    }

    @Test
    void exitsWithTwoWhenTheCertificateCannotBeRead() {
        Run unreadable = run("verify", "--db-url", "jdbc:h2:mem:x", "--certificate", "/nonexistent/bus.pem");

        assertThat(unreadable.code()).isEqualTo(2);
        assertThat(unreadable.err()).contains("--certificate");
    }
}
