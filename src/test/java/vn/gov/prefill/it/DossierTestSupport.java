package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * What the dossier tests share: filing as a persona (prefilled, or typed in for a person no registry knows),
 * reading a dossier back, waiting for a status, and what the handling system's stub received.
 */
abstract class DossierTestSupport extends GatewayTestSupport {


    static final String FORM = "criminal-record-request";
    static final String HOA = "027190001234";
    static final String UNAVAILABLE_TWICE = "001099100503";
    static final String REFUSED = "001099100422";
    static final String HANGS = "001099100408";
    static final String RESETS = "001099100104";
    static final String REPLAYS = "001099100200";

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    record Filed(Answer answer, String token, ObjectNode data) {
        String id() {
            return answer.body().get("dossierId").asText();
        }
    }

    /** Hoa's criminal-record request as prefilled and completed: valid, with every prefilled value kept. */
    ObjectNode hoasForm() {
        return completed(prefill(FORM, token("hoa"), null));
    }

    /** The prefilled data with what no register holds typed in. */
    static ObjectNode completed(Answer prefill) {
        ObjectNode data = (ObjectNode) prefill.body().get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        return data;
    }

    String citizen(String number) {
        return token(Map.of("citizenId", number));
    }

    Answer file(String token, JsonNode data, String prefillToken, String idempotencyKey) {
        return file(token, data, prefillToken, idempotencyKey, Map.of());
    }

    /** Filing with more headers: an officer's token, and the citizen's in X-Citizen-Authorization. */
    Answer file(String token, JsonNode data, String prefillToken, String idempotencyKey, Map<String, String> headers) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefillToken);
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/forms/" + FORM + "/dossiers"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        headers.forEach(request::header);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            var response = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()), response);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hoa files her own prefilled form. */
    Filed fileAsHoa(String idempotencyKey) {
        String token = token("hoa");
        Answer prefill = prefill(FORM, token, null);
        ObjectNode data = completed(prefill);
        return new Filed(file(token, data, prefill.body().get("prefillToken").asText(), idempotencyKey), token, data);
    }

    /** A person no registry knows (the handling stub's personas): nothing prefilled, the whole form typed. */
    Filed fileAs(String number) {
        String token = citizen(number);
        Answer prefill = prefill(FORM, token, null);
        ObjectNode data = hoasForm();
        return new Filed(file(token, data, prefill.body().get("prefillToken").asText(), null), token, data);
    }

    JsonNode dossier(String id, String token) {
        Answer a = call("GET", "/api/v1/me/dossiers/" + id, token, null, null);
        assertThat(a.status()).as("%s", a.body()).isEqualTo(200);
        return a.body();
    }

    JsonNode awaitStatus(String id, String token, Predicate<String> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode d = dossier(id, token);
        while (!done.test(d.get("status").asText()) && System.nanoTime() < until) {
            Thread.sleep(100);
            d = dossier(id, token);
        }
        return d;
    }

    JsonNode awaitSettled(String id, String token) throws InterruptedException {
        return awaitStatus(id, token, s -> !s.equals("RECEIVED"));
    }

    /** What the handling stub received for this dossier (every attempt carries its id as Idempotency-Key). */
    List<LoggedRequest> received(String id) {
        return mocks.findAll(postRequestedFor(urlPathEqualTo("/handling/v1/hoso")).withHeader("Idempotency-Key", equalTo(id)));
    }

    List<LoggedRequest> awaitReceived(String id, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<LoggedRequest> got = received(id);
        while (got.size() < count && System.nanoTime() < until) {
            Thread.sleep(100);
            got = received(id);
        }
        // and no more arrive
        Thread.sleep(800);
        return received(id);
    }

    static List<String> statuses(JsonNode dossier) {
        List<String> out = new ArrayList<>();
        dossier.get("timeline").forEach(e -> out.add(e.get("status").asText()));
        return out;
    }

    static String sha256(String text) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The demo handling system's callback secret (gateway.handling.callback-secret with the mocks on). */
    static final String DEMO_CALLBACK_SECRET = "bW9jay1oYW5kbGluZy1jYWxsYmFjay1zZWNyZXQtMjAyNg==";

    final vn.gov.prefill.dossier.HandlingSignature handling = new vn.gov.prefill.dossier.HandlingSignature(
            java.util.Base64.getDecoder().decode(DEMO_CALLBACK_SECRET), Duration.ofSeconds(300));

    /** A handling system's event for a dossier: {@code state} reached {@code at}; DA_CO_KET_QUA carries a KQ.LLTP result. */
    static ObjectNode handlingEvent(String dossierId, String handlingCode, String state, java.time.Instant at, String note) {
        ObjectNode e = JSON.createObjectNode();
        e.put("MaSuKien", "evt-" + java.util.UUID.randomUUID());
        e.put("MaHoSo", handlingCode);
        e.put("MaHoSoCong", dossierId);
        e.put("TrangThai", state);
        e.put("ThoiDiem", at.atZone(VIETNAM).toOffsetDateTime().toString());
        if (note != null) {
            e.put("GhiChu", note);
        }
        if (state.equals("DA_CO_KET_QUA")) {
            ObjectNode r = e.putObject("KetQua");
            r.put("MaKetQua", "KQ.LLTP");
            r.put("TenGiayTo", "Phiếu lý lịch tư pháp số 1");
            r.put("SoKyHieu", "77/2026");
            r.put("NgayCap", "2026-12-05");
            r.put("DuongDan", "https://kho.example/files/" + dossierId);
            r.put("MaHash", "sha256:9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab");
        }
        return e;
    }

    /** Posts a body to the callbacks' endpoint with this signature header (none when null). */
    Answer sendEvent(String body, String signature) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/v1/handling/events"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (signature != null) {
            request.header(vn.gov.prefill.dossier.HandlingSignature.HEADER, signature);
        }
        try {
            var response = HTTP.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()), response);
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event, signed now with the demo secret, posted to the callbacks' endpoint. */
    Answer signed(ObjectNode event) {
        String body = event.toString();
        return sendEvent(body, handling.header(body.getBytes(StandardCharsets.UTF_8), clock.instant()));
    }
}
