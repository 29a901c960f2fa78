package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A filled form is checked against its schema and against the locked values of its prefill; reuse is counted. */
class SubmissionIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";

    record Prefilled(ObjectNode data, String token) { }

    Prefilled prefillAs(String persona) {
        Answer a = prefill(FORM, token(persona), null);
        ObjectNode data = (ObjectNode) a.body().get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        return new Prefilled(data, a.body().get("prefillToken").asText());
    }

    Answer submit(String token, JsonNode data, String prefillToken) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        if (prefillToken != null) {
            body.put("prefillToken", prefillToken);
        }
        return call("POST", "/api/v1/forms/" + FORM + "/submissions", token, "application/json", body.toString());
    }

    @Test
    void aFormSubmittedAsPrefilledIsValidAndCountsEveryFieldKept() {
        Prefilled p = prefillAs("hoa");

        Answer a = submit(token("hoa"), p.data(), p.token());

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("valid").asBoolean()).isTrue();
        assertThat(a.body().get("reuse").toString()).isEqualTo("{\"bound\":17,\"prefilled\":15,\"kept\":15,\"changed\":0}");
    }

    @Test
    void changingAnUnlockedFieldIsAllowedAndCounted() {
        Prefilled p = prefillAs("hoa");
        ((ObjectNode) p.data().get("applicant")).putObject("currentResidence").put("text", "Số 1 phố Mới, Phường Kinh Bắc, Tỉnh Bắc Ninh");

        Answer a = submit(token("hoa"), p.data(), p.token());

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/reuse/changed").asInt()).isEqualTo(1);
        assertThat(a.body().at("/reuse/kept").asInt()).isEqualTo(14);
    }

    @Test
    void changingALockedValueIs422NamingTheField() {
        Prefilled p = prefillAs("hoa");
        ((ObjectNode) p.data().get("applicant")).put("fullName", "NGUYỄN THỊ HOÀ");

        Answer a = submit(token("hoa"), p.data(), p.token());

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("type").asText()).endsWith("/locked-field-changed");
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/applicant/fullName");
    }

    @Test
    void schemaViolationsAre422WithTheirPointers() {
        Prefilled p = prefillAs("hoa");
        p.data().put("certificateType", 3);
        p.data().remove("purpose");

        Answer a = submit(token("hoa"), p.data(), p.token());

        assertThat(a.status()).isEqualTo(422);
        assertThat(a.body().get("type").asText()).endsWith("/invalid-submission");
        assertThat(a.body().get("errors").findValuesAsText("pointer")).contains("/certificateType", "/purpose");
    }

    @Test
    void theTokenIsRequiredAndBelongsToOnePersonAndOneForm() {
        Prefilled p = prefillAs("hoa");

        assertThat(submit(token("hoa"), p.data(), null).status()).isEqualTo(401);
        assertThat(submit(token("hoa"), p.data(), p.token() + "x").status()).isEqualTo(401);
        Answer foreign = submit(token("binh"), p.data(), p.token());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body().get("type").asText()).endsWith("/prefill-token-foreign");
        Answer otherForm = call("POST", "/api/v1/forms/residence-change/submissions", token("hoa"), "application/json",
                "{\"data\": {}, \"prefillToken\": \"" + p.token() + "\"}");
        assertThat(otherForm.status()).isEqualTo(403);
    }
}
