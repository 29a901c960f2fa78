package vn.gov.prefill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSecretsTest {

    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /** The mocks off, two registries with an API key and one without, nothing else set (the handling system's default names the mocks). */
    static MockEnvironment production() {
        return new MockEnvironment().withProperty("gateway.mocks.enabled", "false")
                .withProperty("gateway.handling.base-url", "${gateway.mocks.url}")
                .withProperty("gateway.sources.insurance.base-url", "https://insurance.example")
                .withProperty("gateway.sources.insurance.api-key", "")
                .withProperty("gateway.sources.dossiers.base-url", "https://dossiers.example")
                .withProperty("gateway.sources.dossiers.api-key", "")
                .withProperty("gateway.sources.population.base-url", "https://ndxp.example");
    }

    static MockEnvironment everyKeySet() {
        return production().withProperty("gateway.prefill.token-secret", KEY).withProperty("gateway.security.person-key", KEY)
                .withProperty("gateway.security.issuer", "https://portal.example/idp")
                .withProperty("gateway.ndxp.client-secret", "s3cr3t-of-the-province")
                .withProperty("spring.datasource.password", "a-real-password")
                .withProperty("gateway.handling.base-url", "https://handling.province.example")
                .withProperty("gateway.handling.callback-secret", KEY)
                .withProperty("gateway.profile.encryption-key", KEY)
                .withProperty("gateway.sources.insurance.api-key", "issued-by-insurance")
                .withProperty("gateway.sources.dossiers.api-key", "issued-by-dossiers");
    }

    @Test
    void withTheMocksOnNothingIsRequired() {
        assertThat(ProductionSecrets.problems(new MockEnvironment())).isEmpty();
        assertThat(ProductionSecrets.problems(new MockEnvironment().withProperty("gateway.mocks.enabled", "true"))).isEmpty();
    }

    @Test
    void withTheMocksOffEveryMissingSecretIsNamedAtOnce() {
        List<String> problems = ProductionSecrets.problems(production());

        assertThat(problems).hasSize(10).allMatch(p -> p.contains("is required when gateway.mocks.enabled is false"));
        assertThat(String.join("\n", problems)).contains("gateway.prefill.token-secret", "gateway.security.person-key",
                "gateway.security.issuer", "gateway.ndxp.client-secret", "spring.datasource.password",
                "gateway.sources.insurance.api-key", "gateway.sources.dossiers.api-key", "gateway.handling.base-url",
                "gateway.handling.callback-secret", "gateway.profile.encryption-key")
                .doesNotContain("gateway.sources.population.api-key");
    }

    @Test
    void theMocksDemoValuesAndTheDeployFilesPlaceholdersAreRefused() {
        MockEnvironment demo = everyKeySet().withProperty("gateway.ndxp.client-secret", "mock-ndxp-secret")
                .withProperty("gateway.sources.insurance.api-key", "mock-insurance-key")
                .withProperty("gateway.sources.dossiers.api-key", "mock-dossiers-key")
                .withProperty("spring.datasource.password", "prefill")
                // the demo handling system's signing key, in application.yml for the mocks
                .withProperty("gateway.handling.callback-secret", "bW9jay1oYW5kbGluZy1jYWxsYmFjay1zZWNyZXQtMjAyNg==")
                .withProperty("gateway.profile.encryption-key", "bW9jay1wcm9maWxlLWtleS0zMi1ieXRlcy1kZW1vISE=")
                .withProperty("gateway.security.person-key", "REPLACE-with-openssl-rand-base64-32")
                .withProperty("gateway.security.issuer", "  ");

        List<String> problems = ProductionSecrets.problems(demo);

        assertThat(problems).hasSize(8);
        assertThat(problems).filteredOn(p -> p.contains("demo value or a placeholder")).hasSize(7)
                .noneMatch(p -> p.contains("mock-") || p.contains("REPLACE") || p.contains("bW9jay1o"));
        assertThat(problems).filteredOn(p -> p.startsWith("gateway.security.issuer is required")).hasSize(1);
    }

    @Test
    void withEveryKeySetTheGatewayStartsAndOtherwiseTheBeanFactoryStops() {
        assertThat(ProductionSecrets.problems(everyKeySet())).isEmpty();

        ProductionSecrets check = new ProductionSecrets();
        check.setEnvironment(production());
        assertThatThrownBy(() -> check.postProcessBeanFactory(null)).isInstanceOf(StartupCheckException.class)
                .satisfies(e -> assertThat(((StartupCheckException) e).problems()).hasSize(10));
    }
}
