package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The indicators of declared data and documents by reference, on a database of their own: Hoa files the
 * criminal-record request typing her phone and e-mail (kept), prefills it again (both offered from {@code declared})
 * and files it as offered; then files her child's health insurance once with its birth certificate by reference and
 * once with the slot left empty. The figures of the day through {@code /api/v1/admin/indicators} and its CSV.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:declared-attachment-indicators;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
class DeclaredAndAttachmentIndicatorsIT extends DossierTestSupport {

    static final String CHILD_FORM = "child-health-insurance";
    static final String BIRTH_CERTIFICATE = "/attachments/birthCertificate";
    static final String ANS_CERTIFICATE = "https://kho.example.gov.vn/files/5b1e0c9a-2f43-4d7e-9a51-0b8c2f6d1e77";
    static final String ACTING_FOR_AN = "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\"}}";

    /** The fields of a prefill's answer that came with a value from the citizen's declared data. */
    static long declared(Answer prefill) {
        long n = 0;
        for (JsonNode f : prefill.body().get("fields")) {
            String status = f.path("status").asText();
            if ((status.equals("PREFILLED") || status.equals("CONFLICT")) && f.path("source").asText().equals("declared")) {
                n++;
            }
        }
        return n;
    }

    Answer fileForm(String form, String token, Answer prefill, JsonNode data, JsonNode declare, String documentRef) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        if (declare != null) {
            body.set("declare", declare);
        }
        if (documentRef != null) {
            body.putObject("attachments").putObject(BIRTH_CERTIFICATE).put("documentRef", documentRef);
        }
        Answer filed = call("POST", "/api/v1/forms/" + form + "/dossiers", token, "application/json", body.toString());
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        return filed;
    }

    String csv(String period) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/admin/indicators.csv"
                + period)).header("Authorization", "Bearer " + operatorToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    static JsonNode form(JsonNode report, String id) {
        for (JsonNode f : report.get("forms")) {
            if (f.get("formId").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no form " + id + " in " + report);
    }

    @Test
    void fieldsPrefilledFromDeclaredDataAndSlotsFiledByReferenceAreCountedAndAKeptDeclaredValueIsKept() throws Exception {
        String hoa = token("hoa");
        call("DELETE", "/api/v1/me/profile", hoa, null, null);

        // typed in and kept: nothing declared yet
        Answer first = prefill(FORM, hoa, null);
        assertThat(declared(first)).isZero();
        ObjectNode typed = completed(first);
        ((ObjectNode) typed.get("applicant")).put("phone", "0912345678").put("email", "hoa.nguyen@example.vn");
        Answer filedFirst = fileForm(FORM, hoa, first, typed, JSON.readTree("{\"keep\": true}"), null);

        // offered from declared the next time, and filed as offered: kept, nothing re-entered
        Answer second = prefill(FORM, hoa, null);
        assertThat(declared(second)).isEqualTo(2);
        Answer filedSecond = fileForm(FORM, hoa, second, completed(second), null, null);
        JsonNode reuse = filedSecond.body().get("reuse");
        assertThat(reuse.get("changed").asLong()).as("%s", reuse).isZero();
        assertThat(reuse.get("kept").asLong()).as("the declared phone and e-mail among the kept")
                .isEqualTo(filedFirst.body().at("/reuse/kept").asLong() + 2);

        // the child's form: its one slot by reference, then left empty
        Answer child = prefill(CHILD_FORM, hoa, ACTING_FOR_AN);
        assertThat(child.status()).as("%s", child.body()).isEqualTo(200);
        fileForm(CHILD_FORM, hoa, child, child.body().get("data"), null, ANS_CERTIFICATE);
        Answer childAgain = prefill(CHILD_FORM, hoa, ACTING_FOR_AN);
        fileForm(CHILD_FORM, hoa, childAgain, childAgain.body().get("data"), null, null);
        long declaredInChild = declared(child) + declared(childAgain);

        String period = "?from=" + today() + "&to=" + today();
        Answer a = call("GET", "/api/v1/admin/indicators" + period, operatorToken(), null, null);
        assertThat(a.status()).isEqualTo(200);
        JsonNode report = a.body();
        JsonNode criminal = form(report, FORM);
        assertThat(criminal.get("declaredPrefilled").asLong()).isEqualTo(2);
        // its slot (a criminal-record certificate issued before) left empty twice
        assertThat(List.of(criminal.get("attachmentsByReference").asLong(), criminal.get("attachmentsFiled").asLong())).containsExactly(0L, 2L);
        assertThat(criminal.get("attachmentsByReferenceShare").asDouble()).isZero();
        // the kept declared values count as kept: neither filing re-entered anything
        assertThat(criminal.get("reenteredNothingShare").asDouble()).isEqualTo(1.0);
        JsonNode insurance = form(report, CHILD_FORM);
        assertThat(insurance.get("declaredPrefilled").asLong()).isEqualTo(declaredInChild);
        assertThat(List.of(insurance.get("attachmentsByReference").asLong(), insurance.get("attachmentsFiled").asLong())).containsExactly(1L, 2L);
        assertThat(insurance.get("attachmentsByReferenceShare").asDouble()).isEqualTo(0.5);
        JsonNode residence = form(report, "residence-change");
        assertThat(residence.get("attachmentsByReferenceShare").isNull()).as("nothing filed: nothing to divide").isTrue();
        JsonNode total = report.get("total");
        assertThat(total.get("declaredPrefilled").asLong()).isEqualTo(2 + declaredInChild);
        assertThat(List.of(total.get("attachmentsByReference").asLong(), total.get("attachmentsFiled").asLong())).containsExactly(1L, 4L);
        assertThat(total.get("attachmentsByReferenceShare").asDouble()).isEqualTo(0.25);

        // the CSV: the same figures, in the total's and the forms' rows
        List<String> lines = csv(period).lines().toList();
        List<String> header = List.of(lines.get(0).split(",", -1));
        assertThat(header).containsSubsequence("declaredPrefilled", "attachmentsByReference", "attachmentsFiled", "attachmentsByReferenceShare");
        assertThat(lines).allSatisfy(l -> assertThat(csvCells(l)).hasSameSizeAs(header));
        Map<String, JsonNode> rows = Map.of("total,", total, "form," + FORM + ",", criminal, "form," + CHILD_FORM + ",", insurance,
                "form,residence-change,", residence);
        for (Map.Entry<String, JsonNode> row : rows.entrySet()) {
            String prefix = row.getKey();
            JsonNode json = row.getValue();
            List<String> cells = List.of(lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().split(",", -1));
            for (String column : List.of("declaredPrefilled", "attachmentsByReference", "attachmentsFiled", "attachmentsByReferenceShare")) {
                JsonNode v = json.get(column);
                assertThat(cells.get(header.indexOf(column))).as(prefix + column).isEqualTo(v.isNull() ? "" : v.asText());
            }
        }
    }
}
