package ir.nix.deploy;

import ir.nix.deploy.cli.NixCli;
import ir.nix.deploy.startup.StartupTrace;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The NIX bus: every module of the project, as one runnable application; {@code verify} runs the CLI instead. */
@SpringBootApplication(scanBasePackages = "ir.nix")
@EnableScheduling
public class NixBusApplication {

    public static void main(String[] args) {
        if (NixCli.handles(args)) {
            System.exit(NixCli.execute(args));
        }
        SpringApplication application = new SpringApplication(NixBusApplication.class);
        StartupTrace.installIfRequested(application);
        application.run(args);
    }
}
