package ir.nix.deploy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line as the CLI tests see it: the exit code and what was printed to each stream. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NixCli.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
