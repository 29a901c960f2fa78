package vn.gov.prefill.mocks;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code demo} in {@code /actuator/health}'s details (operators only): this gateway answers from the
 * embedded mocks, signs in anyone as a persona and keys its tokens with secrets of this process. Up,
 * so that a demo is ready, but never silent about what it is.
 */
@Component("demo")
@ConditionalOnProperty(name = "gateway.mocks.enabled", havingValue = "true", matchIfMissing = true)
class DemoModeHealth implements HealthIndicator {

    static final String WARNING = "DEMO MODE (gateway.mocks.enabled is true): the registries and the identity provider are "
            + "the embedded mocks, anyone can sign in as a persona, and secrets left unset are random keys of this process. "
            + "Never serve citizens like this: set gateway.mocks.enabled=false and the production keys.";

    @Override
    public Health health() {
        return Health.up().withDetail("demo", true).withDetail("warning", WARNING).build();
    }
}
