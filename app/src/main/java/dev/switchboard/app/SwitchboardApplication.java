package dev.switchboard.app;

import dev.switchboard.core.config.CoreConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Switchboard: start with {@code java -jar switchboard.jar} (embedded PostgreSQL under ./data by default). */
@SpringBootApplication
@Import(CoreConfiguration.class)
public class SwitchboardApplication {

    public static void main(String[] args) {
        SpringApplication.run(SwitchboardApplication.class, args);
    }
}
