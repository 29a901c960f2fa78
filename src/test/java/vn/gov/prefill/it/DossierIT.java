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
 * Filing a checked form and its delivery to the handling system's stub (mocks/mappings/handling/),
 * one test per fault of NATIONAL-SYSTEMS §6.1, each asserting what the stub received: exactly the
 * expected attempts, always the dossier's id as Idempotency-Key, and a body as §6.1 describes it.
 * The retry schedule here is 200ms,200ms,200ms (GatewayTestSupport): four attempts at most.
 */
class DossierIT extends DossierTestSupport {

    @Test
    void aFiledDossierIsReceivedThenDeliveredOnceWithItsIdAsKeyAndTheBodyOfTheContract() throws Exception {
        Filed filed = fileAsHoa(null);

        Answer a = filed.answer();
        assertThat(a.status()).as("%s", a.body()).isEqualTo(201);
        String id = filed.id();
        assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(a.raw().headers().firstValue("Location")).contains("/api/v1/me/dossiers/" + id);
        assertThat(a.body().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(a.body().get("filedAt").asText()).endsWith("+07:00");
        assertThat(a.body().get("reuse").toString()).isEqualTo("{\"bound\":17,\"prefilled\":15,\"kept\":15,\"changed\":0}");

        JsonNode d = awaitSettled(id, filed.token());
        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(d.get("handlingCode").asText()).isEqualTo("000.00.24.H04-" + id);
        assertThat(d.get("formId").asText()).isEqualTo(FORM);
        assertThat(statuses(d)).containsExactly("RECEIVED", "DELIVERED");

        List<LoggedRequest> got = awaitReceived(id, 1);
        assertThat(got).hasSize(1);
        LoggedRequest sent = got.get(0);
        String procedure = d.get("procedureCode").asText();
        assertThat(sent.getHeader("X-Purpose")).isEqualTo(procedure);
        assertThat(sent.getHeader("X-Request-Id")).isNotBlank();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer mock-ndxp-access-token");
        JsonNode body = JSON.readTree(sent.getBodyAsString());
        assertThat(body.get("MaHoSoCong").asText()).isEqualTo(id);
        assertThat(body.get("MaTTHC").asText()).isEqualTo(procedure);
        assertThat(body.get("MaBieuMau").asText()).isEqualTo(FORM);
        assertThat(body.get("PhienBanBieuMau").asText()).isEqualTo(d.get("formVersion").asText());
        assertThat(body.get("NgayNop").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00");
        assertThat(body.get("KenhNop").asText()).isEqualTo("TRUC_TUYEN");
        assertThat(body.at("/NguoiNop/SoDinhDanh").asText()).isEqualTo(HOA);
        assertThat(body.at("/NguoiNop/HoVaTen").asText()).isEqualTo("NGUYỄN THỊ HOA");
        assertThat(body.get("DoiTuong").toString()).isEqualTo("{\"Loai\":\"BAN_THAN\",\"SoDinhDanh\":\"" + HOA + "\"}");
        assertThat(body.get("CanBoTiepNhan").isNull()).isTrue();
        assertThat(body.get("DuLieu")).isEqualTo(filed.data());
        assertThat(body.get("ThanhPhanHoSo").isArray()).isTrue();
        JsonNode provenance = body.get("NguonDuLieu");
        assertThat(provenance).hasSize(15);
        JsonNode fullName = null;
        for (JsonNode p : provenance) {
            assertThat(p.get("Nguon").asText()).isNotBlank();
            assertThat(p.get("MaHash").asText()).matches("sha256:[0-9a-f]{64}");
            if (p.get("TruongDuLieu").asText().equals("/applicant/fullName")) {
                fullName = p;
            }
        }
        assertThat(fullName).isNotNull();
        assertThat(fullName.get("Nguon").asText()).isEqualTo("population");
        assertThat(fullName.get("KhoaSua").asBoolean()).isTrue();
        assertThat(fullName.get("ThoiDiem").asText()).isNotBlank();
        // a string is hashed with its quotes (RFC 8785)
        assertThat(fullName.get("MaHash").asText()).isEqualTo(sha256("\"NGUYỄN THỊ HOA\""));
    }

    @Test
    void a503IsRetriedWithTheSameKeyUntilTheDossierIsReceived() throws Exception {
        mocks.resetScenario("handling-" + UNAVAILABLE_TWICE);
        Filed filed = fileAs(UNAVAILABLE_TWICE);
        assertThat(filed.answer().status()).as("%s", filed.answer().body()).isEqualTo(201);

        JsonNode d = awaitSettled(filed.id(), filed.token());

        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(d.get("handlingCode").asText()).isEqualTo("000.00.24.H04-" + filed.id());
        List<LoggedRequest> got = awaitReceived(filed.id(), 3);
        assertThat(got).hasSize(3);
        assertThat(got).allSatisfy(r -> assertThat(JSON.readTree(r.getBodyAsString()).get("MaHoSoCong").asText()).isEqualTo(filed.id()));
        assertThat(got.get(0).getBodyAsString()).isEqualTo(got.get(2).getBodyAsString());
        // Retry-After: 1 is longer than the schedule's 200 ms, and is respected
        assertThat(Duration.between(got.get(0).getLoggedDate().toInstant(), got.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aPermanentRefusalFailsAtOnceIsListedForOperatorsWithoutPersonalDataAndCanBeRedelivered() throws Exception {
        Filed filed = fileAs(REFUSED);
        JsonNode d = awaitSettled(filed.id(), filed.token());

        assertThat(d.get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(statuses(d)).containsExactly("RECEIVED", "DELIVERY_FAILED");
        assertThat(awaitReceived(filed.id(), 1)).hasSize(1);

        Answer failed = call("GET", "/api/v1/admin/dossiers?status=DELIVERY_FAILED", operatorToken(), null, null);
        assertThat(failed.status()).isEqualTo(200);
        JsonNode row = null;
        for (JsonNode r : failed.body()) {
            if (r.get("dossierId").asText().equals(filed.id())) {
                row = r;
            }
        }
        assertThat(row).as("%s", failed.body()).isNotNull();
        assertThat(row.get("attempts").asInt()).isEqualTo(1);
        assertThat(row.get("lastError").asText()).isEqualTo("HTTP_422 TTHC_KHONG_HO_TRO");
        assertThat(failed.raw().body()).doesNotContain(REFUSED).doesNotContain("NGUYỄN").doesNotContain(HOA);
        assertThat(call("GET", "/api/v1/admin/dossiers", filed.token(), null, null).status()).isEqualTo(403);
        assertThat(call("GET", "/api/v1/admin/dossiers?status=LOST", operatorToken(), null, null).status()).isEqualTo(400);

        Answer again = call("POST", "/api/v1/admin/dossiers/" + filed.id() + "/redeliver", operatorToken(), null, null);
        assertThat(again.status()).as("%s", again.body()).isEqualTo(202);
        assertThat(awaitReceived(filed.id(), 2)).hasSize(2).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(filed.id()));
        d = awaitSettled(filed.id(), filed.token());
        assertThat(d.get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(statuses(d)).containsExactly("RECEIVED", "DELIVERY_FAILED", "RECEIVED", "DELIVERY_FAILED");

        Answer delivered = fileAsHoa(null).answer();
        String hoas = delivered.body().get("dossierId").asText();
        awaitSettled(hoas, token("hoa"));
        Answer notFailed = call("POST", "/api/v1/admin/dossiers/" + hoas + "/redeliver", operatorToken(), null, null);
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(call("POST", "/api/v1/admin/dossiers/01JF3Q0000000000000000000X/redeliver", operatorToken(), null, null).status())
                .isEqualTo(404);
    }

    /** A hang (past the gateway's timeout) and a reset are transient: retried on the schedule, then DELIVERY_FAILED. */
    @Test
    void aPendingDossiersBodyIsSealedAtRestAndClearedOnceDelivered() throws Exception {
        // a handling system that hangs: the body waits in the table long enough to be read
        Filed filed = fileAs(HANGS);
        assertThat(filed.answer().status()).isEqualTo(201);
        String stored = new JdbcTemplate(dataSource).queryForObject("SELECT payload FROM dossier WHERE id = ?", String.class, filed.id());
        assertThat(stored).startsWith("k1:").doesNotContain(HANGS).doesNotContain("Xin việc").doesNotContain(filed.id());
        // and what the handling system receives is the body in clear
        List<LoggedRequest> sent = awaitReceived(filed.id(), 1);
        assertThat(sent).isNotEmpty();
        assertThat(sent.get(0).getBodyAsString()).contains("\"SoDinhDanh\":\"" + HANGS + "\"").contains("Xin việc");

        Filed delivered = fileAsHoa(null);
        JsonNode d = awaitSettled(delivered.id(), delivered.token());
        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(new JdbcTemplate(dataSource).queryForObject("SELECT payload FROM dossier WHERE id = ?", String.class, delivered.id()))
                .isNull();
    }

    @ParameterizedTest
    @CsvSource({HANGS + ",TIMEOUT", RESETS + ",RESET"})
    void aTransientFaultIsRetriedOnTheScheduleThenDeliveryFailed(String number, String kind) throws Exception {
        Filed filed = fileAs(number);
        JsonNode d = awaitSettled(filed.id(), filed.token());

        assertThat(d.get("status").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(awaitReceived(filed.id(), 4)).hasSize(4);
        assertThat(lastError(filed.id())).isEqualTo(kind);
    }

    @Test
    void theReplayOfAKnownKeyIsAReceipt() throws Exception {
        Filed filed = fileAs(REPLAYS);
        JsonNode d = awaitSettled(filed.id(), filed.token());

        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(d.get("handlingCode").asText()).isEqualTo("000.00.24.H04-" + filed.id());
        assertThat(awaitReceived(filed.id(), 1)).hasSize(1);
    }

    String lastError(String id) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT last_error FROM dossier WHERE id = ?", String.class, id);
    }

    long myDossiers(String token) {
        return call("GET", "/api/v1/me/dossiers?size=100", token, null, null).body().get("total").asLong();
    }

    @Test
    void theSameIdempotencyKeyFromTheSamePersonAnswersTheFirstReceiptAndFilesNothingNew() {
        String key = "filing-" + System.nanoTime();
        Filed first = fileAsHoa(key);
        assertThat(first.answer().status()).isEqualTo(201);
        long count = myDossiers(first.token());

        Filed second = fileAsHoa(key);

        assertThat(second.answer().status()).isEqualTo(201);
        assertThat(second.answer().body()).isEqualTo(first.answer().body());
        assertThat(second.answer().raw().headers().firstValue("Location")).isEqualTo(first.answer().raw().headers().firstValue("Location"));
        assertThat(myDossiers(first.token())).isEqualTo(count);
        // the same key from someone else is their own filing
        String other = citizen(REPLAYS);
        Answer prefill = prefill(FORM, other, null);
        Answer theirs = file(other, first.data(), prefill.body().get("prefillToken").asText(), key);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.body().get("dossierId").asText()).isNotEqualTo(first.id());

        Answer tooLong = file(first.token(), first.data(), "x", "k".repeat(65));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.contentType()).startsWith("application/problem+json");
        assertThat(tooLong.body().at("/errors/0/pointer").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void concurrentFilingsWithOneKeyFileOnce() throws Exception {
        String token = token("hoa");
        Answer prefill = prefill(FORM, token, null);
        ObjectNode data = completed(prefill);
        String key = "concurrent-" + System.nanoTime();
        long count = myDossiers(token);

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> file(token, data, prefill.body().get("prefillToken").asText(), key)));
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var answer : answers) {
            Answer a = answer.get();
            assertThat(a.status()).as("%s", a.body()).isEqualTo(201);
            ids.add(a.body().get("dossierId").asText());
        }
        pool.shutdown();

        assertThat(ids).hasSize(1);
        assertThat(myDossiers(token)).isEqualTo(count + 1);
    }

    @Test
    void theFilersDossiersNewestFirstAndAnyoneElsesIs404() {
        String older = fileAsHoa(null).id();
        String newer = fileAsHoa(null).id();
        String hoa = token("hoa");

        JsonNode page = call("GET", "/api/v1/me/dossiers?page=0&size=2", hoa, null, null).body();
        assertThat(page.at("/items/0/dossierId").asText()).isEqualTo(newer);
        assertThat(page.at("/items/1/dossierId").asText()).isEqualTo(older);
        assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(page.at("/items/0/timeline/0/status").asText()).isEqualTo("RECEIVED");

        Answer binh = call("GET", "/api/v1/me/dossiers/" + newer, token("binh"), null, null);
        assertThat(binh.status()).isEqualTo(404);
        assertThat(binh.contentType()).startsWith("application/problem+json");
        assertThat(call("GET", "/api/v1/me/dossiers?size=100", token("binh"), null, null).raw().body()).doesNotContain(newer);
        assertThat(call("GET", "/api/v1/me/dossiers/" + newer, null, null, null).status()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/me/dossiers?size=0", hoa, null, null).status()).isEqualTo(400);
    }

    @Test
    void anInvalidFormIs422AndFilesNothing() {
        String hoa = token("hoa");
        long count = myDossiers(hoa);
        Answer prefill = prefill(FORM, hoa, null);
        ObjectNode data = completed(prefill);
        ((ObjectNode) data.get("applicant")).put("fullName", "NGUYỄN THỊ HOÀ");

        Answer a = file(hoa, data, prefill.body().get("prefillToken").asText(), null);

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("type").asText()).endsWith("/locked-field-changed");
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/applicant/fullName");
        assertThat(myDossiers(hoa)).isEqualTo(count);
    }

    @Test
    void theDeliveryIsScheduledInTheFilingsTransactionSoA201MeansBothAreCommitted() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // db-scheduler's client joins the Spring transaction: rolled back, neither the row nor the execution remains
        String id = "01JF3Q00000000000000ROLLBK";
        transactions.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO dossier (id, person_key, form_id, status, filed_at, updated_at, reuse_bound, reuse_prefilled, "
                    + "reuse_kept) VALUES (?, 'k', 'f', 'RECEIVED', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0, 0, 0)", id);
            scheduler.schedule(new TaskInstance<Void>("handling-delivery", id), java.time.Instant.now().plusSeconds(3600));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class, id))
                    .as("seen inside the transaction").isEqualTo(1);
            tx.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE id = ?", Integer.class, id)).isZero();

        // and once a filing is answered 201, its dossier is committed with its delivery pending (or already done)
        Filed filed = fileAsHoa(null);
        assertThat(filed.answer().status()).isEqualTo(201);
        Map<String, Object> row = jdbc.queryForMap("SELECT status, (SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = "
                + "'handling-delivery' AND task_instance = d.id) AS pending FROM dossier d WHERE id = ?", filed.id());
        assertThat(row.get("STATUS").equals("DELIVERED") || ((Number) row.get("PENDING")).intValue() == 1).as("%s", row).isTrue();
    }
}
