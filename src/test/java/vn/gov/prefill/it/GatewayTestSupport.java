package vn.gov.prefill.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import vn.gov.prefill.config.ClockConfig;
import vn.gov.prefill.mocks.DemoIdentityProvider;

/**
 * The gateway on a random port with its embedded mocks on another, driven over real HTTP. Every
 * integration test shares this one application context.
 *
 * <p>The gateway's clock starts at {@link #CLOCK_START} (and ticks from there), so that what depends on the day
 * (the fixture children's ages, a card's end, the indicators' month) is the same whatever day the tests run;
 * {@code -Dit.clock.start=<instant>} moves it, to see what a test asserts on another day. Tests read the day
 * from {@link #clock}, never from the machine.
 */
// metrics exported as in production: /actuator/prometheus is under test (MetricsIT)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.mocks.port=0", "gateway.sources.population.timeout=1000ms",
                // the tests' own load is not what the limits are for (RateLimitsIT checks them with small ones)
                "gateway.rate-limits.per-person=1000000", "gateway.rate-limits.per-client=1000000",
                "spring.datasource.url=jdbc:h2:mem:gateway-it;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                // deliveries of filed dossiers retried within a test's patience (DossierIT)
                "gateway.handling.retry-schedule=200ms,200ms,200ms", "gateway.handling.timeout-millis=1000",
                "db-scheduler.polling-interval=200ms",
                // no callbacks from the demo handling system: statuses stay where the tests put them (HandlingEventsIT plays them)
                "gateway.mocks.handling-progress=none",
                ClockConfig.START + "=${it.clock.start:" + GatewayTestSupport.CLOCK_START + "}"})
abstract class GatewayTestSupport {

    /** 1 December 2026, 09:00 in Vietnam: the day the fixtures' ages and cards are written for. */
    static final String CLOCK_START = "2026-12-01T02:00:00Z";
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    WireMockServer mocks;

    @Autowired
    DemoIdentityProvider idp;

    /** The gateway's clock ({@code gateway.clock.start}). */
    @Autowired
    Clock clock;

    /** Today in Vietnam, on the gateway's clock. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VIETNAM);
    }

    record Answer(int status, String contentType, JsonNode body, HttpResponse<String> raw) { }

    Answer call(String method, String path, String token, String contentType, String body) {
        return call(method, path, token, contentType, body, Map.of());
    }

    /** A call with more headers, e.g. the citizen's token in X-Citizen-Authorization beside an officer's. */
    Answer call(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), type, json, response);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a GET that answers text (CSV, Prometheus), failing on any status but 200. */
    String text(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + ": " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status of a GET whatever its body (JSON, CSV or text). */
    int statusOf(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token minted through the API, as a tester would. */
    String token(String persona) {
        return token(Map.of("persona", persona));
    }

    /** An operator's token (roles: OPERATOR), minted through the API. */
    String operatorToken() {
        return token(Map.of("operator", true));
    }

    /** The demo desk's officer's token (roles: OFFICER, MaCanBo CB.27.0042, MaDonVi 000.27.31.H09), minted through the API. */
    String officerToken() {
        return token(Map.of("officer", true));
    }

    String token(Map<String, Object> request) {
        try {
            Answer a = call("POST", "/api/v1/demo/tokens", null, "application/json", JSON.writeValueAsString(request));
            if (a.status() != 200) {
                throw new IllegalStateException("demo token refused: " + a.body());
            }
            return a.body().get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Answer prefill(String form, String token, String body) {
        return call("POST", "/api/v1/forms/" + form + "/prefill", token, body == null ? null : "application/json", body);
    }

    /** Hoa's criminal-record request as prefilled, with the two answers no register holds: {data, prefillToken}, to submit or file. */
    static ObjectNode criminalRecordRequestAnswered(Answer prefill) {
        ObjectNode data = (ObjectNode) prefill.body().get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        return body;
    }

    static String actingForEnterprise(String code) {
        return "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"" + code + "\"}}";
    }

    /** The cells of a CSV line as RFC 4180 reads them: a quoted cell (a title with commas) is one cell, its quotes undone. */
    static java.util.List<String> csvCells(String line) {
        java.util.List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
