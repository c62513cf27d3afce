package ir.nix.deploy.cli;

import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import ir.nix.deploy.cli.keys.KeysCommand;
import ir.nix.deploy.cli.pki.PkiCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Option;

/**
 * The jar's commands besides running the bus: {@code java -jar nix-bus.jar help | pki … | keys … | verify …}.
 * A command works on files or plain JDBC and exits; it never starts the Spring application, the
 * broker or the web server.
 */
@Command(name = "nix-bus", usageHelpAutoWidth = true,
        subcommands = {HelpCommand.class, PkiCommand.class, KeysCommand.class, VerifyCommand.class, ir.nix.deploy.report.VerifyReportCommand.class},
        description = {"NIX service bus. Without a command it runs the bus (options such as --spring.profiles.active=prod, "
                + "--server.port=N); with one it runs the command and exits."})
public final class NixCli {

    private static final Set<String> COMMANDS = Set.of("help", "--help", "-h", "pki", "keys", "verify", "verify-report");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show the commands and exit")
    boolean help;

    private NixCli() {
    }

    /** Whether {@code args} name a command rather than bus options ({@code --server.port=…}). */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command on the process's standard streams. @return the exit code */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command writing to {@code out} and {@code err}. Exit codes are the command's; an
     * unexpected failure is 2, never 1, which means "the checked data is broken".
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new NixCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            commandLine.getErr().println("error: " + failure);
            return VerifyCommand.UNUSABLE;
        });
        cli.setParameterExceptionHandler((usage, arguments) -> {
            CommandLine command = usage.getCommandLine();
            command.getErr().println("error: " + usage.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(usage, command.getErr());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return VerifyCommand.UNUSABLE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
