package vn.gov.prefill.mocks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.extension.TemplateHelperProviderExtension;
import com.github.tomakehurst.wiremock.extension.responsetemplating.helpers.HandlebarsCurrentDateHelper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import vn.gov.prefill.config.ClockConfig;
import vn.gov.prefill.config.SecretKeys;
import vn.gov.prefill.dossier.HandlingSignature;
import wiremock.com.github.jknack.handlebars.Helper;

/**
 * Starts, before the application context is refreshed, a WireMock server that plays every registry
 * (stubs and personas under {@code mocks/}) and the identity provider's JWKS, and publishes its
 * address as {@code gateway.mocks.url} so that the default configuration points at it.
 * Active unless {@code gateway.mocks.enabled=false}.
 */
public class EmbeddedMocks implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String JWKS_PATH = "/idp/jwks.json";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMocks.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (!env.getProperty("gateway.mocks.enabled", Boolean.class, true)) {
            return;
        }
        int port = env.getProperty("gateway.mocks.port", Integer.class, 8089);
        Path root = Path.of(env.getProperty("gateway.mocks.root-dir", "mocks"));
        if (!Files.isDirectory(root.resolve("mappings"))) {
            throw new IllegalStateException("gateway.mocks.enabled is true but " + root.toAbsolutePath()
                    + "/mappings does not exist; start from the project root or set gateway.mocks.root-dir");
        }
        Clock clock = ClockConfig.of(env);
        DemoHandlingSystem handling = handlingSystem(env, root, clock);
        WireMockServer server = new WireMockServer(options()
                .port(port)
                .bindAddress("127.0.0.1")
                .usingFilesUnderDirectory(root.toString())
                .notifier(new Slf4jNotifier(false))
                .containerThreads(env.getProperty("gateway.mocks.threads", Integer.class, 64))
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16)
                .maxRequestJournalEntries(2000)
                .extensions(handling == null ? new com.github.tomakehurst.wiremock.extension.Extension[] {new ClockedNow(clock)}
                        : new com.github.tomakehurst.wiremock.extension.Extension[] {new ClockedNow(clock), handling.new Listener(),
                            handling.new State()}));
        server.start();
        if (handling != null) {
            server.stubFor(get(urlPathMatching("/handling/v1/hoso/[^/]+")).atPriority(1)
                    .withHeader("Authorization", matching("Bearer .+"))
                    .willReturn(aResponse().withTransformers(DemoHandlingSystem.STATE_TRANSFORMER)));
            context.addApplicationListener((ApplicationListener<WebServerInitializedEvent>) e -> {
                if (e.getApplicationContext().getServerNamespace() == null) {
                    handling.target(e.getWebServer().getPort());
                }
            });
        }
        String url = "http://localhost:" + server.port();
        String issuer = url + "/idp";

        RSAKey signingKey = newSigningKey();
        server.stubFor(get(JWKS_PATH).atPriority(1).willReturn(okForContentType("application/json",
                new JWKSet(signingKey.toPublicJWK()).toString())));

        env.getPropertySources().addFirst(new MapPropertySource("gateway-mocks",
                Map.of("gateway.mocks.url", url, "gateway.mocks.issuer", issuer)));
        context.getBeanFactory().registerSingleton("mockRegistries", server);
        context.getBeanFactory().registerSingleton("demoIdentityProvider",
                new DemoIdentityProvider(signingKey, issuer, root.resolve("personas.json"), clock));
        // stopped with the context, and also when the context fails to start (WireMock's threads would keep the JVM alive)
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("mockRegistriesShutdown", () -> {
            server.stop();
            if (handling != null) {
                handling.stop();
            }
        });
        log.info("Embedded mocks of the registries and the identity provider listen on {}", url);
        log.warn(DemoModeHealth.WARNING);
    }

    /**
     * The demo handling system's progress ({@code gateway.mocks.handling-progress}, by default
     * {@code handling-progress.json} beside the stubs; {@code none} for no callbacks), signed with the gateway's
     * own callback secret.
     */
    private static DemoHandlingSystem handlingSystem(ConfigurableEnvironment env, Path root, Clock clock) {
        String script = env.getProperty("gateway.mocks.handling-progress", root.resolve("handling-progress.json").toString());
        if (script.isBlank() || script.equals("none")) {
            return null;
        }
        byte[] secret = SecretKeys.decode("gateway.handling.callback-secret", env.getRequiredProperty("gateway.handling.callback-secret"));
        Duration window = env.getProperty("gateway.handling.callback-window", Duration.class, Duration.ofSeconds(300));
        return DemoHandlingSystem.of(Path.of(script), clock, new HandlingSignature(secret, window));
    }

    /**
     * The stubs' {@code {{now offset='-4900 days'}}} on the gateway's clock, not the machine's: a registry's
     * relative dates (a child turning 14 within a year, a card ending in 20 days) stay relative to the day the
     * gateway believes it is.
     */
    static final class ClockedNow implements TemplateHelperProviderExtension {

        private final Clock clock;

        ClockedNow(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String getName() {
            return "gateway-clock-now";
        }

        @Override
        public Map<String, Helper<?>> provideTemplateHelpers() {
            // WireMock's own "now" hands its date helper null, which then reads the machine's time
            HandlebarsCurrentDateHelper dates = new HandlebarsCurrentDateHelper();
            Helper<Object> now = (context, options) -> dates.apply(Date.from(clock.instant()), options);
            return Map.of("now", now);
        }
    }

    private static RSAKey newSigningKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo identity provider's key", e);
        }
    }
}
