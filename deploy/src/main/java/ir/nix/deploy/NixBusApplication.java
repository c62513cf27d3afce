package ir.nix.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The NIX bus: every module of the project, as one runnable application. */
@SpringBootApplication(scanBasePackages = "ir.nix")
@EnableScheduling
public class NixBusApplication {

    public static void main(String[] args) {
        SpringApplication.run(NixBusApplication.class, args);
    }
}
