package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two registries and a form added with files alone to the built gateway, as an integration engineer
 * adds them (src/test/resources/new-registries): a land registry keyed in the path with an API key,
 * and a vehicle registry of its own convention (HTTP 200, the outcome in {@code ketQua}), their
 * keys in the working directory's config/application.yml, their stubs in its mocks/.
 */
class RegistryFromFilesIT {

    private static final Path NEW_FILES = Path.of("src/test/resources/new-registries");
    private static final Duration START = Duration.ofSeconds(180);
    private static final String HOA = "027190001234";
    private static final String VEHICLES_FAULT = "001097000001";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void prefillsFromRegistriesAddedWithFilesAlone() throws Exception {
        overlay(LaunchedGateway.workingCopy(dir));
        try (LaunchedGateway gateway = LaunchedGateway.startOnFreePorts(dir, "--spring.datasource.url=jdbc:h2:mem:files-" + System.nanoTime())) {
            awaitReady(gateway);
            prefill(gateway, "001097000002"); // warms the JVM (clients, pools) up; the readiness issue is another test's

            JsonNode hoa = prefill(gateway, HOA);
            assertThat(hoa.at("/sources/land/status").asText()).isEqualTo("OK");
            assertThat(hoa.at("/sources/vehicles/status").asText()).isEqualTo("OK");
            assertThat(hoa.at("/data/land/certificate").asText()).isEqualTo("CS 01234");
            assertThat(hoa.at("/data/land/area").asDouble()).isEqualTo(120.5);
            assertThat(hoa.at("/data/vehicle/plate").asText()).as("the record is duLieu, transformed").isEqualTo("99A-123.45");
            assertThat(hoa.at("/data/vehicle/make").asText()).isEqualTo("HONDA");
            for (String field : new String[] {"/land/certificate", "/land/area", "/vehicle/plate", "/vehicle/make"}) {
                assertThat(hoa.path("fields").path(field).path("status").asText()).as(field).isEqualTo("PREFILLED");
            }
            assertThat(hoa.path("fields").path("/land/certificate").path("source").asText()).isEqualTo("land");
            assertThat(hoa.path("fields").path("/land/certificate").path("locked").asBoolean()).isTrue();
            assertThat(hoa.path("fields").path("/land/area").path("asOf").asText()).as("x-source/asOf, as the registry wrote it")
                    .isEqualTo("2026-09-01T10:00:00+07:00");
            assertThat(hoa.path("fields").path("/vehicle/plate").has("asOf")).as("no x-source/asOf: no asOf").isFalse();

            JsonNode fault = prefill(gateway, VEHICLES_FAULT);
            assertThat(fault.at("/sources/vehicles/status").asText()).as("HTTP 200 with ketQua LOI").isEqualTo("UNAVAILABLE");
            assertThat(fault.path("fields").path("/vehicle/plate").path("status").asText()).isEqualTo("SOURCE_FAILED");
            assertThat(fault.path("fields").path("/vehicle/make").path("status").asText()).isEqualTo("SOURCE_FAILED");
            assertThat(fault.at("/sources/land/status").asText()).as("404 by the default convention").isEqualTo("NOT_FOUND");
            assertThat(fault.path("fields").path("/land/certificate").path("status").asText()).isEqualTo("EMPTY");

            JsonNode nobody = prefill(gateway, "001097000002");
            assertThat(nobody.at("/sources/vehicles/status").asText()).as("HTTP 200 with ketQua KHONG_TIM_THAY").isEqualTo("NOT_FOUND");
            assertThat(nobody.path("fields").path("/vehicle/plate").path("status").asText()).isEqualTo("EMPTY");
        }
    }

    @Test
    void aRegistryWithoutItsBaseUrlStopsStartNamingTheKey() throws Exception {
        overlay(LaunchedGateway.workingCopy(dir));
        Files.writeString(dir.resolve("config/application.yml"), """
                gateway:
                  sources:
                    vehicles:
                      base-url: ${gateway.mocks.url}
                """);
        try (LaunchedGateway gateway = LaunchedGateway.startOnFreePorts(dir, "--spring.datasource.url=jdbc:h2:mem:files-" + System.nanoTime())) {
            assertThat(gateway.awaitExit(START)).as(gateway.output()).isNotEqualTo(0).isNotEqualTo(-1);
            assertThat(gateway.output()).contains("gateway.sources.land.base-url");
        }
    }

    @Test
    void aConventionThatDoesNotReadStopsStartNamingTheRouteAndTheRule() throws Exception {
        overlay(LaunchedGateway.workingCopy(dir));
        Path route = dir.resolve("routes/sources/vehicles.yaml");
        Files.writeString(route, Files.readString(route).replace("/ketQua = LOI -> UNAVAILABLE", "/ketQua = LOI -> BROKEN"));
        try (LaunchedGateway gateway = LaunchedGateway.startOnFreePorts(dir, "--spring.datasource.url=jdbc:h2:mem:files-" + System.nanoTime())) {
            assertThat(gateway.awaitExit(START)).as(gateway.output()).isNotEqualTo(0).isNotEqualTo(-1);
            assertThat(gateway.output()).contains("templatedRoute source-vehicles: parameter convention")
                    .contains("convention rule '/ketQua = LOI -> BROKEN'");
        }
    }

    private static void overlay(Path workDir) throws IOException {
        try (Stream<Path> files = Files.walk(NEW_FILES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = workDir.resolve(NEW_FILES.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private void awaitReady(LaunchedGateway gateway) throws Exception {
        assertThat(gateway.awaitOutput("Started PrefillGatewayApplication", START)).as(gateway.output()).isTrue();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(gateway, "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 60 s:\n" + gateway.output());
    }

    private JsonNode prefill(LaunchedGateway gateway, String citizenId) throws Exception {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(uri(gateway, "/api/v1/demo/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"citizenId\": \"" + citizenId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = json.readTree(token.body()).path("access_token").asText();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri(gateway, "/api/v1/forms/asset-declaration/prefill"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + accessToken)
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static URI uri(LaunchedGateway gateway, String path) {
        return URI.create("http://localhost:" + gateway.port() + path);
    }
}
