package vn.gov.prefill.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * With the mocks off, the gateway does not start on a credential or secret it was shipped with, nor
 * without one: every key of {@link #REQUIRED} (and the {@code api-key} of every source that has one)
 * must be set, and to something other than the demo values the mocks answer to or the deploy files'
 * placeholders. All problems are named at once, before any bean (the database pool, the registries'
 * routes) starts; {@code vn.gov.prefill.startup.StartupFailureAnalyzer} makes them the last lines of
 * the log.
 */
@Component
public class ProductionSecrets implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    /** The keys the gateway needs with the mocks off, each with what it is. */
    public static final Map<String, String> REQUIRED = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "gateway.prefill.token-secret", "a base64 HMAC key of at least 32 bytes, the same on every node",
            PersonKeys.KEY, "a base64 HMAC key of at least 32 bytes, the same on every node",
            "gateway.security.issuer", "the iss of the identity provider's tokens",
            "gateway.ndxp.client-secret", "the gateway's NDXP client secret",
            "spring.datasource.password", "the disclosure log database's password",
            "gateway.handling.base-url", "the province's handling system filed dossiers are delivered to",
            "gateway.handling.callback-secret", "the base64 HMAC key (at least 32 bytes) the handling system signs its callbacks with",
            "gateway.profile.encryption-key", "the base64 AES-256 key (32 bytes) declared values are encrypted with, the same on every node")));

    /** Of {@link #REQUIRED}, the keys whose value is no secret: an address or a name, given in the clear. */
    public static final Set<String> PUBLIC = Set.of("gateway.security.issuer", "gateway.handling.base-url");

    /** What the gateway and its mocks ship with: demo values, never a production credential. */
    public static final Set<String> DEMO_VALUES = Set.of("mock-ndxp-secret", "mock-insurance-key", "mock-dossiers-key", "prefill", "sa",
            "bW9jay1oYW5kbGluZy1jYWxsYmFjay1zZWNyZXQtMjAyNg==", "bW9jay1wcm9maWxlLWtleS0zMi1ieXRlcy1kZW1vISE=");

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new StartupCheckException(problems);
        }
    }

    /** What keeps this configuration from running with the mocks off; empty with the mocks on. */
    static List<String> problems(Environment environment) {
        if (environment.getProperty("gateway.mocks.enabled", Boolean.class, true)) {
            return List.of();
        }
        Map<String, String> values = new TreeMap<>();
        Map<String, String> secrets = new TreeMap<>(REQUIRED);
        REQUIRED.keySet().forEach(key -> values.put(key, valueOf(environment, key)));
        Binder.get(environment).bind("gateway.sources", Bindable.mapOf(String.class, GatewayProperties.Source.class))
                .orElse(Map.of()).forEach((name, source) -> {
                    if (source.getApiKey() != null) {
                        String key = "gateway.sources." + name + ".api-key";
                        secrets.put(key, "the API key the " + name + " registry issued to the gateway");
                        values.put(key, source.getApiKey());
                    }
                });
        List<String> problems = new ArrayList<>();
        secrets.forEach((key, what) -> {
            String value = values.get(key).strip();
            if (value.isEmpty()) {
                problems.add(key + " is required when gateway.mocks.enabled is false (" + what + ")");
            } else if (DEMO_VALUES.contains(value) || value.toUpperCase(Locale.ROOT).startsWith("REPLACE")) {
                problems.add(key + " is a demo value or a placeholder shipped with the gateway, refused when "
                        + "gateway.mocks.enabled is false: set " + what);
            }
        });
        return problems;
    }

    /** The key's value; empty when unset, or when its default names the mocks, which are off. */
    private static String valueOf(Environment environment, String key) {
        try {
            return environment.getProperty(key, "");
        } catch (IllegalArgumentException unresolvable) {
            return "";
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
