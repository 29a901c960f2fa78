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

/**
 * With management.server.port set, actuator moves there: on 127.0.0.1 unless management.server.address
 * opens it to the operators' network (their Prometheus).
 */
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

            // demo mode says so to the operators
            String operator = new com.fasterxml.jackson.databind.ObjectMapper().readTree(HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + api + "/api/v1/demo/tokens"))
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"operator\": true}")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
            com.fasterxml.jackson.databind.JsonNode health = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management + "/actuator/health"))
                            .header("Authorization", "Bearer " + operator).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(health.at("/components/demo/details/demo").asBoolean()).as(health.toString()).isTrue();
            assertThat(health.at("/components/demo/details/warning").asText()).contains("gateway.mocks.enabled=false");
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnlyWhileTheApiListensEverywhere() throws Exception {
        java.net.InetAddress outside = nonLoopbackAddress();
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(PrefillGatewayApplication.class).run(
                "--server.port=0", "--management.server.port=0", "--gateway.mocks.port=0",
                "--spring.datasource.url=jdbc:h2:mem:management-loopback;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")) {
            int api = gateway.getEnvironment().getProperty("local.server.port", Integer.class);
            int management = gateway.getEnvironment().getProperty("local.management.port", Integer.class);
            assertThat(gateway.getEnvironment().getProperty("management.server.address")).isEqualTo("127.0.0.1");

            assertThat(connects(outside, api)).as("the API on %s", outside).isTrue();
            assertThat(connects(outside, management)).as("the management port on %s", outside).isFalse();
            assertThat(connects(java.net.InetAddress.getLoopbackAddress(), management)).isTrue();
        }
    }

    /** An address of this host other than loopback: the one a neighbour on the network would connect to. */
    static java.net.InetAddress nonLoopbackAddress() throws Exception {
        for (java.net.NetworkInterface nic : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        return a;
                    }
                }
            }
        }
        throw new AssertionError("this host has no IPv4 address beside loopback to connect from");
    }

    static boolean connects(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
