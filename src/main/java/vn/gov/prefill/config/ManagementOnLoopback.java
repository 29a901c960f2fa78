package vn.gov.prefill.config;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A management port of its own ({@code management.server.port}) listens on 127.0.0.1 unless
 * {@code management.server.address} says otherwise: it serves metrics, health details and the chain's
 * verification to whoever reaches it, so reaching it must be a decision (the deploy files open it to
 * the monitoring network). With actuator on the API's port there is no address to set: Spring Boot
 * refuses one.
 */
public class ManagementOnLoopback implements EnvironmentPostProcessor {

    static final String ADDRESS = "management.server.address";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            environment.getPropertySources().addLast(new MapPropertySource("management-on-loopback", Map.of(ADDRESS, "127.0.0.1")));
        }
    }
}
