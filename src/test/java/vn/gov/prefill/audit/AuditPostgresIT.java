package vn.gov.prefill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;

import vn.gov.prefill.RequiredTool;
import vn.gov.prefill.PrefillGatewayApplication;

/**
 * The disclosure log on a real PostgreSQL (the {@code postgres} profile): every chain test of
 * {@link DisclosureChainContract}, each in a schema of its own, and the gateway itself recording and
 * answering from it. Needs {@code AUDIT_DB_URL} (and {@code AUDIT_DB_USER}/{@code AUDIT_DB_PASSWORD},
 * default prefill/prefill), which {@code .ci/run} sets after starting PostgreSQL. Skipped without it,
 * except on CI ({@code CI=true}), where it fails: CI must not skip it silently.
 */
class AuditPostgresIT extends DisclosureChainContract {

    static final String URL = System.getenv("AUDIT_DB_URL");
    static final String USER = env("AUDIT_DB_USER", "prefill");
    static final String PASSWORD = env("AUDIT_DB_PASSWORD", "prefill");
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    String schema;

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @BeforeAll
    static void requirePostgres() {
        if (URL == null || URL.isBlank()) {
            RequiredTool.missing("AUDIT_DB_URL is not set: no PostgreSQL to test the disclosure log against",
                    ".ci/run starts PostgreSQL and sets AUDIT_DB_URL");
        }
        assertThat(URL).as("AUDIT_DB_URL").startsWith("jdbc:postgresql:");
    }

    @Override
    protected HikariDataSource newDataSource() {
        schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        HikariDataSource ds = pool();
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            ds.close();
            throw new IllegalStateException("cannot create a test schema in " + URL, e);
        }
        ds.close();
        HikariDataSource scoped = pool();
        scoped.setSchema(schema);
        return scoped;
    }

    @Override
    protected void dispose(HikariDataSource dataSource) {
        try (HikariDataSource ds = pool(); Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test schema", e);
        }
    }

    static HikariDataSource pool() {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(URL);
        ds.setUsername(USER);
        ds.setPassword(PASSWORD);
        ds.setMaximumPoolSize(20);
        return ds;
    }

    @Test
    void theGatewayWithThePostgresProfileRecordsEveryPrefillBeforeAnsweringIt() throws Exception {
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(PrefillGatewayApplication.class).run(
                "--server.port=0", "--gateway.mocks.port=0", "--spring.profiles.active=postgres",
                "--spring.datasource.hikari.schema=" + schema)) {
            assertThat(gateway.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(URL);
            try (Connection c = gateway.getBean(DataSource.class).getConnection()) {
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
            }
            int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
            String hoa = token(port, "hoa");

            JsonNode prefill = send(port, "POST", "/api/v1/forms/criminal-record-request/prefill", hoa,
                    "{\"consent\": {\"sources\": [\"population\"]}}").body();
            String requestId = prefill.get("requestId").asText();
            assertThat(prefill.at("/data/applicant/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");

            // stored in this schema of PostgreSQL, one record per person read
            assertThat(sql.queryForList("SELECT subject_role FROM disclosure WHERE request_id = ?", String.class, requestId))
                    .containsExactlyInAnyOrder("self", "father", "mother", "spouse");
            JsonNode first = send(port, "GET", "/api/v1/me/disclosures", hoa, null).body().get("items").get(0);
            assertThat(first.get("requestId").asText()).isEqualTo(requestId);
            assertThat(first.get("readByYou").asBoolean()).isTrue();
            assertThat(first.get("consentedSources").toString()).isEqualTo("[\"population\"]");
            Reply binh = send(port, "GET", "/api/v1/me/disclosures", token(port, "binh"), null);
            assertThat(binh.body().at("/items/0/subjectRole").asText()).isEqualTo("spouse");
            assertThat(binh.body().at("/items/0/readByYou").asBoolean()).isFalse();
            assertThat(binh.text()).doesNotContain("027190001234");

            String operator = send(port, "POST", "/api/v1/demo/tokens", null, "{\"operator\": true}").body().get("access_token").asText();
            JsonNode chain = send(port, "GET", "/actuator/auditchain", operator, null).body();
            assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
            assertThat(chain.get("records").asLong()).isEqualTo(4);
            // the indicators live in the same PostgreSQL (V3__indicators.sql)
            JsonNode indicators = send(port, "GET", "/api/v1/admin/indicators", operator, null).body();
            assertThat(indicators.at("/total/prefills").asLong()).as(indicators.toString()).isEqualTo(1);
            assertThat(indicators.at("/sources/0/source").asText()).isNotEmpty();

            // fail closed: the log cannot be written, nothing is released
            sql.execute("ALTER TABLE disclosure RENAME TO disclosure_offline");
            Reply refused;
            try {
                refused = send(port, "POST", "/api/v1/forms/criminal-record-request/prefill", hoa, null);
            } finally {
                sql.execute("ALTER TABLE disclosure_offline RENAME TO disclosure");
            }
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body().has("data")).isFalse();
            assertThat(refused.text()).doesNotContain("NGUYỄN");
            assertThat(verify().valid()).isTrue();
            assertThat(verify().records()).isEqualTo(4);
        }
    }

    record Reply(int status, String text, JsonNode body, HttpResponse<String> response) { }

    static Reply send(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.body().isEmpty() ? null : JSON.readTree(response.body()),
                response);
    }

    static String token(int port, String persona) throws Exception {
        Reply reply = send(port, "POST", "/api/v1/demo/tokens", null, "{\"persona\": \"" + persona + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        return reply.body().get("access_token").asText();
    }
}
