package vn.gov.prefill.identity;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that arrived on the internal {@code management.server.port}, when actuator has one of its
 * own: that port is for the operators' network (their Prometheus), not for the e-forms' clients.
 * Spring Boot publishes the port it bound as {@code local.management.port} (an alias of
 * {@code local.server.port} when actuator shares the API's port).
 */
final class ManagementPort implements RequestMatcher {

    private final Environment environment;

    ManagementPort(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        Integer port = environment.getProperty("local.management.port", Integer.class);
        Integer api = environment.getProperty("local.server.port", Integer.class);
        return port != null && port > 0 && !port.equals(api) && port == request.getLocalPort();
    }
}
