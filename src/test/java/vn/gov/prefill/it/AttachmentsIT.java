package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Documents by reference: a form's attachment slots offer the documents on file of an accepted type (the registry of
 * digitised results, and the results handed back on the person's own earlier dossiers); filing refers to one, the
 * gateway checks it was offered to this person for that slot and sends it in {@code ThanhPhanHoSo}. Against the demo
 * handling system, which hands a criminal-record request's result (KQ.LLTP) back after about 5 s.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:attachments;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "gateway.mocks.handling-progress=mocks/handling-progress.json"})
class AttachmentsIT extends DossierTestSupport {

    static final String CHILD_FORM = "child-health-insurance";
    static final String AN = "027224009876";
    static final String BIRTH_CERTIFICATE = "/attachments/birthCertificate";
    static final String PREVIOUS_CERTIFICATE = "/attachments/previousCertificate";
    /** an's birth certificate in the registry of digitised results (mocks/__files/dossiers/documents-027224009876.json) */
    static final String ANS_CERTIFICATE = "https://kho.example.gov.vn/files/5b1e0c9a-2f43-4d7e-9a51-0b8c2f6d1e77";
    /** Hoa's own birth certificate: hers, not her child's */
    static final String HOAS_CERTIFICATE = "https://kho.example.gov.vn/files/3f9d2a61-7c84-4b0e-8e2d-1a6c5b9f0d34";

    long dossiers() {
        Long n = new JdbcTemplate(dataSource).queryForObject("SELECT COUNT(*) FROM dossier", Long.class);
        return n == null ? 0 : n;
    }

    static String actingForAn() {
        return "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"" + AN + "\"}}";
    }

    Answer fileWith(String form, String token, Answer prefill, JsonNode data, String slot, String documentRef) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        if (slot != null) {
            body.putObject("attachments").putObject(slot).put("documentRef", documentRef);
        }
        return call("POST", "/api/v1/forms/" + form + "/dossiers", token, "application/json", body.toString());
    }

    /** The body of the one delivery of this dossier the handling stub received. */
    JsonNode delivered(String id) throws Exception {
        List<LoggedRequest> got = awaitReceived(id, 1);
        assertThat(got).hasSize(1);
        return JSON.readTree(got.get(0).getBodyAsString());
    }

    static JsonNode claims(String token) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void hoaActingForHerChildIsOfferedItsBirthCertificateAndFilesItByReference() throws Exception {
        String hoa = token("hoa");
        Answer prefill = prefill(CHILD_FORM, hoa, actingForAn());
        assertThat(prefill.status()).as("%s", prefill.body()).isEqualTo(200);
        JsonNode attachments = prefill.body().get("attachments");
        assertThat(attachments.size()).isEqualTo(1);
        assertThat(attachments.get(BIRTH_CERTIFICATE).toString()).isEqualTo("[{\"documentRef\":\"" + ANS_CERTIFICATE
                + "\",\"title\":\"Giấy khai sinh\",\"issuedBy\":\"UBND phường Kinh Bắc\",\"issuedOn\":\"2024-04-10\",\"source\":\"dossiers\"}]");
        // the slot's read is a read like any other: in the answer's sources and in the child's disclosure
        assertThat(prefill.body().at("/sources/dossiers/status").asText()).isEqualTo("OK");
        // (the child's record in the log, which the child's own /me/disclosures would show)
        var childRead = new JdbcTemplate(dataSource).queryForMap("SELECT sources, released_pointers FROM disclosure WHERE request_id = ? "
                + "AND subject_role = 'child'", prefill.body().get("requestId").asText());
        assertThat(childRead.get("sources").toString()).contains("\"dossiers\":\"OK\"");
        assertThat(childRead.get("released_pointers").toString()).contains(BIRTH_CERTIFICATE);

        Answer filed = fileWith(CHILD_FORM, hoa, prefill, prefill.body().get("data"), BIRTH_CERTIFICATE, ANS_CERTIFICATE);
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        JsonNode sent = delivered(filed.body().get("dossierId").asText());
        assertThat(sent.get("ThanhPhanHoSo").toString()).isEqualTo("[{\"MaKetQua\":\"KQ.GKS\",\"SoKyHieu\":\"88/2024\",\"DuongDan\":\""
                + ANS_CERTIFICATE + "\",\"MaHash\":\"sha256:d16b9fe59f1f826b2c74fe446ccb6226d2d5fd7eee471fb3d645955c15cd30ba\"}]");
    }

    @Test
    void aFormWithoutSlotsAnswersNoAttachmentsAndItsTokenCarriesNone() throws Exception {
        Answer prefill = prefill("residence-change", token("hoa"), null);
        assertThat(prefill.status()).isEqualTo(200);
        assertThat(prefill.body().has("attachments")).isFalse();
        assertThat(claims(prefill.body().get("prefillToken").asText()).has("att")).isFalse();
    }

    @Test
    void aReferenceNotOfferedOrAnUnknownSlotIsA422NamingTheSlotAndNothingIsFiled() throws Exception {
        String hoa = token("hoa");
        Answer prefill = prefill(CHILD_FORM, hoa, actingForAn());
        JsonNode data = prefill.body().get("data");
        long before = dossiers();

        // Hoa's own birth certificate is a real document, but not her child's: never offered in this slot
        for (String ref : List.of(HOAS_CERTIFICATE, "https://kho.example.gov.vn/files/made-up")) {
            Answer refused = fileWith(CHILD_FORM, hoa, prefill, data, BIRTH_CERTIFICATE, ref);
            assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo(BIRTH_CERTIFICATE);
            assertThat(refused.body().at("/errors/0/message").asText()).isEqualTo("not one of your documents of an accepted type");
        }
        Answer unknown = fileWith(CHILD_FORM, hoa, prefill, data, "/attachments/passport", ANS_CERTIFICATE);
        assertThat(unknown.status()).as("%s", unknown.body()).isEqualTo(422);
        assertThat(unknown.body().at("/errors/0/pointer").asText()).isEqualTo("/attachments/passport");
        assertThat(unknown.body().at("/errors/0/message").asText()).startsWith("unknown attachment slot");
        // the offered document, under another form's slot
        Answer crossForm = fileWith(CHILD_FORM, hoa, prefill, data, PREVIOUS_CERTIFICATE, ANS_CERTIFICATE);
        assertThat(crossForm.status()).isEqualTo(422);
        assertThat(crossForm.body().at("/errors/0/pointer").asText()).isEqualTo(PREVIOUS_CERTIFICATE);

        // not a reference: a number, or a slot given something else than {"documentRef": …}; attachments not an object
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        body.putObject("attachments").putObject(BIRTH_CERTIFICATE).put("documentRef", 5);
        Answer number = call("POST", "/api/v1/forms/" + CHILD_FORM + "/dossiers", hoa, "application/json", body.toString());
        assertThat(number.status()).isEqualTo(422);
        assertThat(number.body().at("/errors/0/pointer").asText()).isEqualTo(BIRTH_CERTIFICATE);
        body.put("attachments", ANS_CERTIFICATE);
        Answer notAnObject = call("POST", "/api/v1/forms/" + CHILD_FORM + "/dossiers", hoa, "application/json", body.toString());
        assertThat(notAnObject.status()).isEqualTo(400);
        assertThat(notAnObject.body().at("/errors/0/pointer").asText()).isEqualTo("/attachments");

        assertThat(dossiers()).isEqualTo(before);
    }

    @Test
    void aResultHandedBackOnAnEarlierDossierIsOfferedInTheNextFormsSlotAndFiledByReference() throws Exception {
        String hoa = token("hoa");
        Answer first = prefill(FORM, hoa, null);
        assertThat(first.body().get("attachments").get(PREVIOUS_CERTIFICATE).toString())
                .as("nothing of an accepted type on file yet").isEqualTo("[]");
        // the registry's documents of Hoa (a birth and a marriage certificate) are read, and none is accepted here
        assertThat(first.body().at("/sources/dossiers/status").asText()).isEqualTo("OK");

        Filed earlier = new Filed(file(hoa, completed(first), first.body().get("prefillToken").asText(), null), hoa, completed(first));
        assertThat(earlier.answer().status()).as("%s", earlier.answer().body()).isEqualTo(201);
        JsonNode ready = awaitStatus(earlier.id(), hoa, s -> s.equals("RESULT_READY"));
        assertThat(ready.get("status").asText()).isEqualTo("RESULT_READY");
        String ref = ready.at("/result/documentRef").asText();
        assertThat(ref).isEqualTo("https://kho.demo.invalid/files/" + earlier.id());

        Answer next = prefill(FORM, hoa, null);
        JsonNode offered = next.body().get("attachments").get(PREVIOUS_CERTIFICATE);
        assertThat(offered.size()).as("%s", offered).isEqualTo(1);
        assertThat(offered.get(0).get("documentRef").asText()).isEqualTo(ref);
        assertThat(offered.get(0).get("source").asText()).isEqualTo("handling");
        assertThat(offered.get(0).get("title").asText()).isEqualTo("Phiếu lý lịch tư pháp số 1");
        assertThat(offered.get(0).get("issuedOn").asText()).isEqualTo(ready.at("/result/issuedOn").asText());

        // someone else cannot file Hoa's result: it was never offered to them
        String stranger = citizen("001099100777");
        Answer theirs = prefill(FORM, stranger, null);
        assertThat(theirs.body().get("attachments").get(PREVIOUS_CERTIFICATE).toString()).isEqualTo("[]");
        long before = dossiers();
        Answer refused = fileWith(FORM, stranger, theirs, hoasForm(), PREVIOUS_CERTIFICATE, ref);
        assertThat(refused.status()).as("%s", refused.body()).isEqualTo(422);
        assertThat(refused.body().at("/errors/0/pointer").asText()).isEqualTo(PREVIOUS_CERTIFICATE);
        assertThat(dossiers()).isEqualTo(before);

        Answer filed = fileWith(FORM, hoa, next, completed(next), PREVIOUS_CERTIFICATE, ref);
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        JsonNode sent = delivered(filed.body().get("dossierId").asText());
        assertThat(sent.get("ThanhPhanHoSo").toString()).isEqualTo("[{\"MaKetQua\":\"KQ.LLTP\",\"SoKyHieu\":\"1234/2026/LLTP\","
                + "\"DuongDan\":\"" + ref + "\",\"MaHash\":\"sha256:9c56cc51b374c3ba189210d5b6d4bf57790d351c96c47c02190ecf1e430635ab\"}]");
    }
}
