package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * From the moment the jar is launched, a citizen asks for a prefill every 50 ms. Whatever answers
 * first is complete, or a 503 problem telling them when to retry: never a prefill degraded because
 * the gateway was still starting.
 */
class ReadyBeforeItAnswersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final String PREFILL = "/api/v1/forms/criminal-record-request/prefill";

    @TempDir
    Path dir;

    private record Reply(int status, HttpResponse<String> raw, JsonNode body) { }

    @RepeatedTest(3)
    void theFirstAnsweredPrefillIsCompleteOrA503() throws Exception {
        int port = LaunchedGateway.freePort();
        int mocksPort = LaunchedGateway.freePort();
        try (LaunchedGateway gateway = LaunchedGateway.start(LaunchedGateway.workingCopy(dir),
                "--server.port=" + port, "--gateway.mocks.port=" + mocksPort)) {
            String base = "http://localhost:" + port;
            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String token = null;
            Reply first = null;
            Reply ok = null;
            while (ok == null && System.nanoTime() < end && gateway.isAlive()) {
                if (token == null) {
                    Reply minted = send(base, "/api/v1/demo/tokens", null, "{\"persona\":\"hoa\"}");
                    if (minted != null && minted.status() == 200) {
                        token = minted.body().get("access_token").asText();
                    } else if (minted != null) {
                        assertUnavailableProblem(minted);
                    }
                } else {
                    Reply answer = send(base, PREFILL, token, null);
                    if (answer != null) {
                        if (first == null) {
                            first = answer;
                            if (answer.status() != 200) {
                                assertUnavailableProblem(answer);
                            }
                        }
                        if (answer.status() == 200) {
                            ok = answer;
                        } else {
                            assertUnavailableProblem(answer);
                        }
                    }
                }
                Thread.sleep(50);
            }
            assertThat(ok).as("a 200 prefill within 60 s of launch; output:\n%s", gateway.output()).isNotNull();
            assertComplete(ok, gateway);
        }
    }

    private static void assertUnavailableProblem(Reply reply) {
        assertThat(reply.status()).as("an answer before ready: %s", reply.raw().body()).isEqualTo(503);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(reply.body().get("status").asInt()).isEqualTo(503);
    }

    private static void assertComplete(Reply reply, LaunchedGateway gateway) {
        JsonNode body = reply.body();
        // the registries all answered; nothing was declared by this persona
        body.get("sources").fields().forEachRemaining(s -> assertThat(s.getValue().get("status").asText())
                .as("source %s of the first prefill (%s); output:\n%s", s.getKey(), body.get("sources"), gateway.output())
                .isEqualTo(s.getKey().equals("declared") ? "NOT_FOUND" : "OK"));
        JsonNode fields = body.get("fields");
        assertThat(fields.size()).isEqualTo(CriminalRecordRequestIT.BOUND.size() + CriminalRecordRequestIT.DECLARED.size());
        CriminalRecordRequestIT.BOUND.forEach(p -> assertThat(fields.get(p).get("status").asText()).as(p).isEqualTo("PREFILLED"));
    }

    /** The answer, or null while nothing listens on the port. */
    private static Reply send(String base, String path, String token, String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), response, json);
        } catch (java.net.ConnectException e) {
            return null;
        } catch (IOException e) {
            // a connection accepted and reset while Tomcat starts counts as not listening
            return null;
        }
    }
}
