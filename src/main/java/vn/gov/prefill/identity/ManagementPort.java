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
    /** The internal port once the web server has published its ports (they never change after), or -1 for none. */
    private volatile int internal = 0;

    ManagementPort(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        int port = internal;
        if (port == 0) {
            // looked up until the server has started: a property lookup on every request cost ~4 % of a prefill
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer api = environment.getProperty("local.server.port", Integer.class);
            if (api == null || management == null) {
                // not started yet (or the management context not yet): ask again next time
                return false;
            }
            port = management > 0 && !management.equals(api) ? management : -1;
            internal = port;
        }
        return port > 0 && port == request.getLocalPort();
    }
}
