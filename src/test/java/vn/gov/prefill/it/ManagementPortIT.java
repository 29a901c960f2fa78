package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.gov.prefill.PrefillGatewayApplication;

/** With management.server.port set, actuator moves there, open to the operators' network (their Prometheus). */
class ManagementPortIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void prometheusIsServedOnTheManagementPortAndNotOnTheApiPort() throws Exception {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(PrefillGatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--gateway.mocks.port=0",
                "--spring.datasource.url=jdbc:h2:mem:management-port;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")) {
            int api = gateway.getEnvironment().getProperty("local.server.port", Integer.class);
            int management = gateway.getEnvironment().getProperty("local.management.port", Integer.class);
            assertThat(management).isNotEqualTo(api);

            HttpResponse<String> scrape = get(management, "/actuator/prometheus");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("gateway_source_breaker_state{");
            assertThat(get(management, "/actuator/health").statusCode()).isEqualTo(200);

            assertThat(get(api, "/actuator/prometheus").statusCode()).isIn(401, 404);
            // the API port's own rules are unchanged: admin still needs an operator
            assertThat(get(api, "/api/v1/admin/indicators").statusCode()).isEqualTo(401);
            assertThat(get(management, "/api/v1/admin/indicators").statusCode()).isEqualTo(404);
        }
    }
}
