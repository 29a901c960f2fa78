package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The citizen's verdict: one rating per dossier and stage, RESULT only after the result, somebody else's
 * dossier 404, every bad field named; the comment stored masked, read by operators only, in no log line;
 * the ratings in the indicators.
 */
@ExtendWith(OutputCaptureExtension.class)
class RatingsIT extends DossierTestSupport {

    @Autowired
    DataSource dataSource;

    Answer rate(String id, String token, String body) {
        return call("POST", "/api/v1/me/dossiers/" + id + "/rating", token, "application/json", body);
    }

    /** A dossier of Hoa's, filed and delivered by the handling stub. */
    Filed delivered() throws InterruptedException {
        Filed filed = fileAsHoa(null);
        assertThat(filed.answer().status()).as("%s", filed.answer().body()).isEqualTo(201);
        assertThat(awaitSettled(filed.id(), filed.token()).get("status").asText()).isEqualTo("DELIVERED");
        return filed;
    }

    void resultReady(Filed filed) {
        JsonNode d = dossier(filed.id(), filed.token());
        ObjectNode event = handlingEvent(filed.id(), d.get("handlingCode").asText(), "DA_CO_KET_QUA", clock.instant(), null);
        assertThat(signed(event).status()).isEqualTo(200);
        assertThat(dossier(filed.id(), filed.token()).get("status").asText()).isEqualTo("RESULT_READY");
    }

    static String problemType(Answer a) {
        return a.body().get("type").asText().replaceAll(".*/problems/", "");
    }

    @Test
    void oneRatingPerStageAndTheResultOnlyOnceItIsThere() throws Exception {
        Filed filed = delivered();
        JsonNode before = dossier(filed.id(), filed.token());
        assertThat(before.get("canRate")).extracting(JsonNode::asText).containsExactly("FILING");

        Answer tooEarly = rate(filed.id(), filed.token(), "{\"stage\": \"RESULT\", \"score\": 5}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(problemType(tooEarly)).isEqualTo("result-not-ready");

        Answer first = rate(filed.id(), filed.token(), "{\"stage\": \"FILING\", \"score\": 4, \"items\": {\"easy\": 5, \"time\": 3}}");
        assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
        assertThat(first.body().get("stage").asText()).isEqualTo("FILING");
        assertThat(first.raw().headers().firstValue("Location")).hasValue("/api/v1/me/dossiers/" + filed.id());

        Answer again = rate(filed.id(), filed.token(), "{\"stage\": \"FILING\", \"score\": 1}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(problemType(again)).isEqualTo("already-rated");

        resultReady(filed);
        assertThat(dossier(filed.id(), filed.token()).get("canRate")).extracting(JsonNode::asText).containsExactly("RESULT");
        assertThat(rate(filed.id(), filed.token(), "{\"stage\": \"RESULT\", \"score\": 2}").status()).isEqualTo(201);
        assertThat(rate(filed.id(), filed.token(), "{\"stage\": \"RESULT\", \"score\": 5}").status()).isEqualTo(409);
        JsonNode after = dossier(filed.id(), filed.token());
        assertThat(after.get("rated")).extracting(JsonNode::asText).containsExactlyInAnyOrder("FILING", "RESULT");
        assertThat(after.get("canRate")).isEmpty();

        // the rows name no person: the dossier's form, channel, stage and scores
        List<Map<String, Object>> rows = new JdbcTemplate(dataSource)
                .queryForList("SELECT * FROM indicator_rating WHERE dossier_id = ? ORDER BY stage", filed.id());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("FORM_ID", FORM).containsEntry("CHANNEL", "ONLINE").containsEntry("STAGE", "FILING");
        assertThat(rows.toString()).doesNotContain(HOA);
    }

    @Test
    void somebodyElsesDossierIs404() throws Exception {
        Filed filed = delivered();
        Answer a = rate(filed.id(), token("binh"), "{\"stage\": \"FILING\", \"score\": 5}");
        assertThat(a.status()).isEqualTo(404);
        assertThat(rate("01JZZZZZZZZZZZZZZZZZZZZZZZ", filed.token(), "{\"stage\": \"FILING\", \"score\": 5}").status()).isEqualTo(404);
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        Filed filed = delivered();
        Answer a = rate(filed.id(), filed.token(), "{\"stage\": \"LATER\", \"score\": 6, \"items\": {\"easy\": 0, \"speed\": 3}, "
                + "\"comment\": \"" + "x".repeat(1201) + "\", \"name\": \"Hoa\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().get("errors")).extracting(e -> e.get("pointer").asText())
                .containsExactlyInAnyOrder("/stage", "/score", "/items/easy", "/items/speed", "/comment", "/name");
        // staff is for a desk's filing only
        Answer staff = rate(filed.id(), filed.token(), "{\"stage\": \"FILING\", \"score\": 5, \"items\": {\"staff\": 5}}");
        assertThat(staff.status()).isEqualTo(400);
        assertThat(staff.body().at("/errors/0/pointer").asText()).isEqualTo("/items/staff");
        assertThat(rate(filed.id(), filed.token(), "{\"stage\": \"FILING\", \"score\": 4294967301}").status()).isEqualTo(400);
        assertThat(rate(filed.id(), filed.token(), "[]").status()).isEqualTo(400);
        // nothing was recorded by the refusals
        assertThat(dossier(filed.id(), filed.token()).get("rated")).isEmpty();
    }

    @Test
    void theCommentIsStoredMaskedReadByOperatorsOnlyAndNeverLogged(CapturedOutput output) throws Exception {
        Filed filed = delivered();
        String comment = "Cán bộ hướng dẫn tận tình. Liên hệ tôi: 0912345678, hoa.nguyen@example.vn, CCCD 027190001234. "
                + "Mã-nhận-diện-bình-luận-7Q2X";
        Answer a = rate(filed.id(), filed.token(), JSON.createObjectNode().put("stage", "FILING").put("score", 5)
                .put("comment", comment).toString());
        assertThat(a.status()).as("%s", a.body()).isEqualTo(201);

        String stored = new JdbcTemplate(dataSource).queryForObject("SELECT comment FROM indicator_rating WHERE dossier_id = ?",
                String.class, filed.id());
        assertThat(stored).isEqualTo("Cán bộ hướng dẫn tận tình. Liên hệ tôi: [phone], [e-mail], CCCD [personal-number]. "
                + "Mã-nhận-diện-bình-luận-7Q2X");

        Answer listed = call("GET", "/api/v1/admin/ratings", operatorToken(), null, null);
        assertThat(listed.status()).isEqualTo(200);
        JsonNode item = null;
        for (JsonNode i : listed.body().get("items")) {
            if (i.path("comment").asText().endsWith("7Q2X")) {
                item = i;
            }
        }
        assertThat(item).as("%s", listed.body()).isNotNull();
        assertThat(item.get("comment").asText()).isEqualTo(stored);
        assertThat(item.get("score").asInt()).isEqualTo(5);
        assertThat(item.get("channel").asText()).isEqualTo("ONLINE");
        assertThat(item.has("dossierId")).isFalse();
        assertThat(listed.body().toString()).doesNotContain("0912345678", "027190001234", "hoa.nguyen@example.vn");

        for (String token : List.of(token("hoa"), officerToken())) {
            assertThat(call("GET", "/api/v1/admin/ratings", token, null, null).status()).isEqualTo(403);
        }
        assertThat(call("GET", "/api/v1/admin/ratings", null, null, null).status()).isEqualTo(401);
        // the citizen's own view of the dossier does not echo the comment either
        assertThat(dossier(filed.id(), filed.token()).toString()).doesNotContain("7Q2X");

        assertThat(output.getAll()).as("log output").doesNotContain("7Q2X", "tận tình", "hoa.nguyen@example.vn");
        // the metric counts the rating, by form, stage and whether satisfied, never the comment
        String metrics = text("/actuator/prometheus", operatorToken());
        assertThat(metrics).contains("gateway_ratings_total{").doesNotContain("7Q2X");
    }

    @Test
    void theVerdictIsInTheIndicators() throws Exception {
        JsonNode before = call("GET", "/api/v1/admin/indicators", operatorToken(), null, null).body().get("total");
        Filed filed = delivered();
        assertThat(rate(filed.id(), filed.token(), "{\"stage\": \"FILING\", \"score\": 5}").status()).isEqualTo(201);
        Filed other = delivered();
        assertThat(rate(other.id(), other.token(), "{\"stage\": \"FILING\", \"score\": 2}").status()).isEqualTo(201);
        JsonNode total = call("GET", "/api/v1/admin/indicators", operatorToken(), null, null).body().get("total");
        assertThat(total.get("ratings").asLong()).isEqualTo(before.get("ratings").asLong() + 2);
        assertThat(total.get("satisfiedShare").isNumber()).isTrue();
        assertThat(total.get("responseRate").isNumber()).isTrue();
        String csv = text("/api/v1/admin/indicators.csv", operatorToken());
        assertThat(csv.lines().findFirst().orElseThrow()).contains(",ratings,responseRate,satisfiedShare,assistedFilers,laterFiledAloneShare,");
    }
}
