package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.dossier.HandlingSignature;

/**
 * The handling system's callbacks and the reconciliation that catches up on lost ones, against the demo
 * handling system (mocks/handling-progress.json): signatures (bad, missing, stale, altered), repeats, events out
 * of order, an unknown dossier, a body breaking the contract, the personas whose callbacks come late, twice and
 * out of order, or never.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:handling-events;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "gateway.mocks.handling-progress=mocks/handling-progress.json",
        "gateway.handling.reconcile-after=4s", "gateway.handling.reconcile-sweep=1s"})
class HandlingEventsIT extends DossierTestSupport {

    /** Received, then never heard of: no callback, and a reconciliation learns only that it was received. */
    static final String SILENT = "001099100600";
    static final String LATE_TWICE_OUT_OF_ORDER = "001099100601";
    static final String LOST = "001099100602";
    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    /** A dossier of {@code number}, delivered: its id and handling code. */
    record Delivered(String id, String code, String token) { }

    Delivered delivered(String number) throws InterruptedException {
        Filed filed = fileAs(number);
        assertThat(filed.answer().status()).as("%s", filed.answer().body()).isEqualTo(201);
        JsonNode d = awaitSettled(filed.id(), filed.token());
        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        return new Delivered(filed.id(), d.get("handlingCode").asText(), filed.token());
    }

    ObjectNode event(Delivered d, String state, Instant at) {
        return handlingEvent(d.id(), d.code(), state, at, "bước " + state);
    }

    double counted(String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    int seen(String eventId) {
        return new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM handling_event WHERE event_id = ?", Integer.class, eventId);
    }

    @Test
    void aSignedEventMovesTheDossierAndItsRepeatChangesNothing() throws Exception {
        Delivered d = delivered(SILENT);
        ObjectNode inProgress = event(d, "DANG_XU_LY", clock.instant().plus(Duration.ofHours(1)));

        Answer first = signed(inProgress);
        assertThat(first.status()).as("%s", first.body()).isEqualTo(200);
        assertThat(first.body().get("outcome").asText()).isEqualTo("MOVED");
        JsonNode after = dossier(d.id(), d.token());
        assertThat(after.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(statuses(after)).containsExactly("RECEIVED", "DELIVERED", "IN_PROGRESS");
        assertThat(after.get("timeline").get(2).get("note").asText()).isEqualTo("bước DANG_XU_LY");

        Answer again = signed(inProgress);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("outcome").asText()).isEqualTo("REPEATED");
        assertThat(dossier(d.id(), d.token()).get("timeline")).isEqualTo(after.get("timeline"));
        assertThat(seen(inProgress.get("MaSuKien").asText())).isEqualTo(1);
    }

    @Test
    void aMissingBadStaleOrAlteredSignatureIs401AndChangesNothing() throws Exception {
        Delivered d = delivered(SILENT);
        ObjectNode result = event(d, "DA_CO_KET_QUA", clock.instant().plus(Duration.ofHours(2)));
        String body = result.toString();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Instant now = clock.instant();
        HandlingSignature otherKey = new HandlingSignature(new byte[32], Duration.ofSeconds(300));
        double signature = counted("gateway.handling.callbacks.rejected", "reason", "signature");
        double stale = counted("gateway.handling.callbacks.rejected", "reason", "stale");
        double malformed = counted("gateway.handling.callbacks.rejected", "reason", "malformed");

        String altered = body.replace("Phiếu lý lịch tư pháp số 1", "Phiếu lý lịch tư pháp số 2");
        for (Answer refused : new Answer[] {
                sendEvent(body, null),
                sendEvent(body, "sha256=" + "0".repeat(64)),
                sendEvent(body, otherKey.header(bytes, now)),
                sendEvent(body, handling.header(bytes, now.minusSeconds(305))),
                sendEvent(body, handling.header(bytes, now.plusSeconds(305))),
                sendEvent(altered, handling.header(bytes, now))}) {
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo(HandlingSignature.HEADER);
        }

        assertThat(counted("gateway.handling.callbacks.rejected", "reason", "malformed") - malformed).isEqualTo(2);
        assertThat(counted("gateway.handling.callbacks.rejected", "reason", "signature") - signature).isEqualTo(2);
        assertThat(counted("gateway.handling.callbacks.rejected", "reason", "stale") - stale).isEqualTo(2);
        assertThat(seen(result.get("MaSuKien").asText())).isZero();
        JsonNode untouched = dossier(d.id(), d.token());
        assertThat(untouched.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(untouched.has("result")).isFalse();

        // nothing was recorded: the same event, well signed, is news
        assertThat(signed(result).body().get("outcome").asText()).isEqualTo("MOVED");
        assertThat(dossier(d.id(), d.token()).get("status").asText()).isEqualTo("RESULT_READY");
    }

    @Test
    void eventsOutOfOrderNeverMoveADossierBackAndAClosedOneNeverMovesAgain() throws Exception {
        Delivered d = delivered(SILENT);
        Instant t = clock.instant().plus(Duration.ofHours(3));

        assertThat(signed(event(d, "DA_CO_KET_QUA", t.plusSeconds(60))).body().get("outcome").asText()).isEqualTo("MOVED");
        // the step before it, called back after it
        assertThat(signed(event(d, "DANG_XU_LY", t)).body().get("outcome").asText()).isEqualTo("HISTORY");
        JsonNode ready = dossier(d.id(), d.token());
        assertThat(ready.get("status").asText()).isEqualTo("RESULT_READY");
        assertThat(statuses(ready)).containsExactly("RECEIVED", "DELIVERED", "IN_PROGRESS", "RESULT_READY");
        assertThat(ready.at("/result/type").asText()).isEqualTo("KQ.LLTP");
        assertThat(ready.at("/result/documentRef").asText()).isEqualTo("https://kho.example/files/" + d.id());
        assertThat(ready.at("/result/issuedOn").asText()).isEqualTo("2026-12-05");

        // a confirmation of receipt, late, changes nothing
        assertThat(signed(event(d, "DA_TIEP_NHAN", t.minusSeconds(60))).body().get("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(signed(event(d, "DA_TRA_KET_QUA", t.plusSeconds(120))).body().get("outcome").asText()).isEqualTo("MOVED");
        // closed: a later step of another kind is not applied
        assertThat(signed(event(d, "YEU_CAU_BO_SUNG", t.plusSeconds(180))).body().get("outcome").asText()).isEqualTo("HISTORY");
        assertThat(signed(event(d, "DANG_XU_LY", t.plusSeconds(240))).body().get("outcome").asText()).isEqualTo("UNCHANGED");
        JsonNode closed = dossier(d.id(), d.token());
        assertThat(closed.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(closed.at("/result/type").asText()).as("the result stays").isEqualTo("KQ.LLTP");
    }

    @Test
    void anUnknownDossierIs404AndABodyBreakingTheContractIs400NamingTheFields() throws Exception {
        Delivered d = delivered(SILENT);
        ObjectNode unknown = event(d, "DANG_XU_LY", clock.instant());
        unknown.put("MaHoSoCong", "01JF3Q00000000000000000000");
        Answer notFound = signed(unknown);
        assertThat(notFound.status()).as("%s", notFound.body()).isEqualTo(404);
        assertThat(notFound.body().at("/errors/0/pointer").asText()).isEqualTo("/MaHoSoCong");

        ObjectNode broken = event(d, "DA_CO_KET_QUA", clock.instant());
        broken.put("TrangThai", "DA_XONG");
        broken.remove("ThoiDiem");
        ((ObjectNode) broken.get("KetQua")).remove("DuongDan");
        Answer bad = signed(broken);
        assertThat(bad.status()).as("%s", bad.body()).isEqualTo(400);
        assertThat(bad.body().get("errors").findValuesAsText("pointer")).containsExactlyInAnyOrder("/TrangThai", "/ThoiDiem",
                "/KetQua/DuongDan");

        ObjectNode noResult = event(d, "DA_CO_KET_QUA", clock.instant());
        noResult.remove("KetQua");
        assertThat(signed(noResult).body().at("/errors/0/pointer").asText()).isEqualTo("/KetQua");
        Answer notJson = sendEvent("{", handling.header("{".getBytes(StandardCharsets.UTF_8), clock.instant()));
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(dossier(d.id(), d.token()).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void theDemoHandlingSystemsLateRepeatedAndOutOfOrderCallbacksEndInOneOrderlyTimeline() throws Exception {
        double repeated = counted("gateway.handling.events", "via", "callback", "outcome", "repeated");
        Delivered d = delivered(LATE_TWICE_OUT_OF_ORDER);

        JsonNode done = awaitStatus(d.id(), d.token(), s -> s.equals("COMPLETED"));
        assertThat(done.get("status").asText()).as("%s", done).isEqualTo("COMPLETED");
        assertThat(statuses(done)).containsExactly("RECEIVED", "DELIVERED", "IN_PROGRESS", "RESULT_READY", "COMPLETED");
        assertThat(done.at("/result/type").asText()).isEqualTo("KQ.LLTP");
        assertThat(done.at("/result/url").asText()).endsWith(d.id());
        assertThat(counted("gateway.handling.events", "via", "callback", "outcome", "repeated") - repeated)
                .as("the result, called back twice").isGreaterThanOrEqualTo(1);
    }

    @Test
    void reconciliationFindsWhatLostCallbacksNeverSaid() throws Exception {
        double updated = counted("gateway.dossier.reconciliations", "outcome", "updated");
        Delivered d = delivered(LOST);

        JsonNode ready = awaitStatus(d.id(), d.token(), s -> s.equals("RESULT_READY"));
        assertThat(ready.get("status").asText()).as("%s", ready).isEqualTo("RESULT_READY");
        assertThat(ready.at("/result/type").asText()).isEqualTo("KQ.LLTP");
        assertThat(counted("gateway.dossier.reconciliations", "outcome", "updated") - updated).isGreaterThanOrEqualTo(1);
        assertThat(mocks.findAll(getRequestedFor(urlPathEqualTo("/handling/v1/hoso/" + d.code()))
                .withHeader("Authorization", matching("Bearer .+")).withHeader("X-Purpose", matching("2\\.000488"))))
                .isNotEmpty();
    }
}
