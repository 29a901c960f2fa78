package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Real answers of the gateway, validated against the schema its own OpenAPI document declares for that
 * operation, status and content type (OpenAPI 3.1 schemas are JSON Schema 2020-12). The document's
 * objects are closed for the check, so an answer property the document does not name fails too, as
 * does a status the document's enums lack.
 */
class OpenApiAnswersIT extends GatewayTestSupport {

    static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final String FORM = "criminal-record-request";

    JsonNode doc;
    ObjectNode closedComponents;

    @BeforeEach
    void fetchTheDocument() {
        doc = call("GET", "/v3/api-docs", null, null, null).body();
        closedComponents = doc.get("components").deepCopy();
        closedComponents.get("schemas").forEach(OpenApiAnswersIT::close);
    }

    /** Every object schema that lists its properties admits no others, unless it says otherwise. */
    static void close(JsonNode schema) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("properties") && !schema.has("additionalProperties")) {
            ((ObjectNode) schema).put("additionalProperties", false);
        }
        for (String nested : new String[] {"properties", "items", "additionalProperties", "oneOf", "anyOf", "allOf"}) {
            JsonNode n = schema.get(nested);
            if (n == null) {
                continue;
            }
            if (nested.equals("properties")) {
                n.forEach(OpenApiAnswersIT::close);
            } else if (n.isArray()) {
                n.forEach(OpenApiAnswersIT::close);
            } else {
                close(n);
            }
        }
    }

    /** Checks the answer against the document's declaration of it; returns its body. */
    JsonNode conforms(String method, String pathTemplate, Answer a) {
        JsonNode response = doc.path("paths").path(pathTemplate).path(method.toLowerCase()).path("responses").path(String.valueOf(a.status()));
        assertThat(response.isMissingNode()).as("%s %s documents its %s answer %s", method, pathTemplate, a.status(), a.body()).isFalse();
        String mediaType = a.contentType().split(";")[0].trim();
        JsonNode declared = response.path("content").path(mediaType).path("schema");
        assertThat(declared.isMissingNode()).as("%s %s %s is documented as %s", method, pathTemplate, a.status(), mediaType).isFalse();
        response.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().path("required").asBoolean()) {
                assertThat(a.raw().headers().firstValue(h.getKey())).as("header %s", h.getKey()).isPresent();
            }
        });
        ObjectNode schema = declared.deepCopy();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.set("components", closedComponents);
        JsonSchema validator = SCHEMAS.getSchema(schema);
        Set<ValidationMessage> errors = validator.validate(a.body());
        assertThat(errors).as("%s %s %s: %s", method, pathTemplate, a.status(), a.body()).isEmpty();
        return a.body();
    }

    JsonNode prefilled(String form, String persona, String body) {
        return conforms("POST", "/api/v1/forms/{formId}/prefill", prefill(form, token(persona), body));
    }

    @Test
    void theCatalogueTheSchemaAndThePersonas() {
        JsonNode catalogue = conforms("GET", "/api/v1/forms", call("GET", "/api/v1/forms", null, null, null));
        assertThat(catalogue).isNotEmpty();
        conforms("GET", "/api/v1/forms/{formId}", call("GET", "/api/v1/forms/" + FORM, null, null, null));
        conforms("GET", "/api/v1/forms/{formId}", call("GET", "/api/v1/forms/no-such-form", null, null, null));
        conforms("GET", "/api/v1/demo/personas", call("GET", "/api/v1/demo/personas", null, null, null));
    }

    @Test
    void demoTokens() {
        conforms("POST", "/api/v1/demo/tokens", call("POST", "/api/v1/demo/tokens", null, "application/json", "{\"persona\": \"hoa\"}"));
        conforms("POST", "/api/v1/demo/tokens", call("POST", "/api/v1/demo/tokens", null, "application/json",
                "{\"SoDinhDanh\": \"001090000002\", \"acr\": \"LoA1\", \"expiresInSeconds\": 60}"));
        conforms("POST", "/api/v1/demo/tokens", call("POST", "/api/v1/demo/tokens", null, "application/json", "{\"persona\": \"nobody\"}"));
        conforms("POST", "/api/v1/demo/tokens", call("POST", "/api/v1/demo/tokens", null, "text/plain", "hoa"));
    }

    @Test
    void prefillsOfEveryKindMatchTheDocumentAndUseEveryStatusItLists() {
        Set<String> sourceStatuses = new TreeSet<>();
        Set<String> fieldStatuses = new TreeSet<>();
        Set<String> flags = new TreeSet<>();
        for (JsonNode answer : new JsonNode[] {
                prefilled(FORM, "hoa", null),
                prefilled(FORM, "tam", "{}"),
                prefilled(FORM, "unknown", null),
                prefilled(FORM, "slow-population", null),
                prefilled(FORM, "population-fault", null),
                prefilled(FORM, "id-mismatch", null),
                prefilled(FORM, "hoa", "{\"consent\": {\"sources\": [\"business\"]}}"),
                prefilled("household-business-registration", "lan", null),
                prefilled("household-business-registration", "insurance-quota", null),
                prefilled("child-health-insurance", "thu", "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"001223000007\"}}"),
                prefilled("enterprise-change-notice", "binh", actingForEnterprise("2401122337")),
                prefilled("enterprise-change-notice", "business-rejected", actingForEnterprise("0100666668"))}) {
            answer.get("sources").forEach(s -> {
                sourceStatuses.add(s.get("status").asText());
                s.path("reads").forEach(r -> sourceStatuses.add(r.get("status").asText()));
            });
            answer.get("fields").forEach(f -> {
                fieldStatuses.add(f.get("status").asText());
                f.path("flags").forEach(flag -> flags.add(flag.asText()));
            });
        }
        assertThat(sourceStatuses).contains("OK", "NOT_FOUND", "TIMEOUT", "UNAVAILABLE", "REJECTED", "INVALID_RESPONSE", "NOT_CONSENTED",
                "SKIPPED");
        assertThat(fieldStatuses).contains("PREFILLED", "EMPTY", "SOURCE_FAILED", "NOT_CONSENTED", "CONFLICT");
        assertThat(flags).contains("ID_SEX_MISMATCH", "ID_BIRTH_YEAR_MISMATCH");
    }

    @Test
    void prefillRefusals() {
        String prefill = "/api/v1/forms/{formId}/prefill";
        String hoa = token("hoa");
        conforms("POST", prefill, prefill(FORM, hoa, "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"12\"}, \"x\": 1}"));
        conforms("POST", prefill, prefill(FORM, hoa, "{not json"));
        conforms("POST", prefill, prefill("enterprise-change-notice", hoa, null));
        conforms("POST", prefill, prefill(FORM, null, null));
        conforms("POST", prefill, prefill(FORM, "not-a-token", null));
        conforms("POST", prefill, prefill("enterprise-change-notice", token("binh"), actingForEnterprise("0100233489")));
        conforms("POST", prefill, prefill("enterprise-change-notice", token("binh"), actingForEnterprise("0101987657")));
        conforms("POST", prefill, prefill("no-such-form", hoa, null));
        conforms("POST", prefill, call("POST", "/api/v1/forms/" + FORM + "/prefill", hoa, "text/plain", "{}"));
        conforms("POST", prefill, call("POST", "/api/v1/forms/" + FORM + "/prefill", hoa, "application/json",
                "{\"consent\": {\"sources\": [\"" + "p".repeat(20_000) + "\"]}}"));
    }

    /** Hoa's prefilled form, completed: {"data", "prefillToken"}. */
    ObjectNode filledForm(String hoa) {
        JsonNode prefill = prefill(FORM, hoa, null).body();
        ObjectNode data = prefill.get("data").deepCopy();
        data.put("purpose", "Xin việc");
        data.put("certificateType", 1);
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.get("prefillToken").asText());
        return body;
    }

    @Test
    void submissions() {
        String submissions = "/api/v1/forms/{formId}/submissions";
        String hoa = token("hoa");
        ObjectNode body = filledForm(hoa);
        ObjectNode data = (ObjectNode) body.get("data");

        JsonNode valid = conforms("POST", submissions, call("POST", "/api/v1/forms/" + FORM + "/submissions", hoa, "application/json",
                body.toString()));
        assertThat(valid.get("valid").asBoolean()).isTrue();

        ((ObjectNode) data.get("applicant")).put("fullName", "NGUYỄN THỊ HOÀ");
        data.remove("purpose");
        JsonNode invalid = conforms("POST", submissions, call("POST", "/api/v1/forms/" + FORM + "/submissions", hoa, "application/json",
                body.toString()));
        assertThat(invalid.get("status").asInt()).isEqualTo(422);

        conforms("POST", submissions, call("POST", "/api/v1/forms/" + FORM + "/submissions", token("binh"), "application/json",
                body.toString()));
        body.remove("prefillToken");
        conforms("POST", submissions, call("POST", "/api/v1/forms/" + FORM + "/submissions", hoa, "application/json", body.toString()));
        conforms("POST", submissions, call("POST", "/api/v1/forms/" + FORM + "/submissions", hoa, "application/json", "{\"data\": 1}"));
    }

    @Test
    void dossiersFiledListedAndRefused() throws InterruptedException {
        String dossiers = "/api/v1/forms/{formId}/dossiers";
        String hoa = token("hoa");
        ObjectNode body = filledForm(hoa);
        ObjectNode data = (ObjectNode) body.get("data");
        String path = "/api/v1/forms/" + FORM + "/dossiers";

        JsonNode receipt = conforms("POST", dossiers, call("POST", path, hoa, "application/json", body.toString()));
        String id = receipt.get("dossierId").asText();
        conforms("GET", "/api/v1/me/dossiers/{dossierId}", call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null));
        for (int i = 0; i < 50 && !call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body().get("status").asText().equals("DELIVERED"); i++) {
            Thread.sleep(100);
        }
        JsonNode delivered = conforms("GET", "/api/v1/me/dossiers/{dossierId}", call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null));
        assertThat(delivered.get("handlingCode").asText()).isNotBlank();
        conforms("GET", "/api/v1/me/dossiers", call("GET", "/api/v1/me/dossiers?size=5", hoa, null, null));
        conforms("GET", "/api/v1/me/dossiers", call("GET", "/api/v1/me/dossiers?size=0", hoa, null, null));
        conforms("GET", "/api/v1/me/dossiers/{dossierId}", call("GET", "/api/v1/me/dossiers/" + id, token("binh"), null, null));

        ((ObjectNode) data.get("applicant")).put("fullName", "NGUYỄN THỊ HOÀ");
        conforms("POST", dossiers, call("POST", path, hoa, "application/json", body.toString()));
        conforms("POST", dossiers, call("POST", path, token("binh"), "application/json", body.toString()));
        conforms("POST", dossiers, call("POST", path, hoa, "application/json", "{\"data\": 1}"));

        String operator = operatorToken();
        conforms("GET", "/api/v1/admin/dossiers", call("GET", "/api/v1/admin/dossiers?status=DELIVERED", operator, null, null));
        conforms("GET", "/api/v1/admin/dossiers", call("GET", "/api/v1/admin/dossiers?status=NOPE", operator, null, null));
        conforms("GET", "/api/v1/admin/dossiers", call("GET", "/api/v1/admin/dossiers", hoa, null, null));
        conforms("POST", "/api/v1/admin/dossiers/{dossierId}/redeliver", call("POST", "/api/v1/admin/dossiers/" + id + "/redeliver",
                operator, null, null));
    }

    @Test
    void disclosures() {
        String hoa = token("hoa");
        prefill(FORM, hoa, null);
        JsonNode page = conforms("GET", "/api/v1/me/disclosures", call("GET", "/api/v1/me/disclosures?size=5", hoa, null, null));
        assertThat(page.get("items")).isNotEmpty();
        String binh = token("binh");
        prefill("enterprise-change-notice", binh, actingForEnterprise("2401122337"));
        conforms("GET", "/api/v1/me/disclosures", call("GET", "/api/v1/me/disclosures", binh, null, null));
        conforms("GET", "/api/v1/me/disclosures", call("GET", "/api/v1/me/disclosures?size=0&page=x", hoa, null, null));
        conforms("GET", "/api/v1/me/disclosures", call("GET", "/api/v1/me/disclosures", null, null, null));
    }

    @Test
    void indicatorsWithTheirSuggestions() {
        String quang = token("quang");
        call("GET", "/api/v1/me/suggestions", quang, null, null);
        prefill("enterprise-change-notice", quang, actingForEnterprise("0108881233"));
        JsonNode report = conforms("GET", "/api/v1/admin/indicators", call("GET", "/api/v1/admin/indicators", operatorToken(), null, null));
        assertThat(report.get("suggestions")).isNotEmpty();
        assertThat(report.at("/suggestions/0").has("followedShare")).isTrue();
        conforms("GET", "/api/v1/admin/indicators", call("GET", "/api/v1/admin/indicators?from=x", operatorToken(), null, null));
    }

    @Test
    void closingTheSchemasIsWhatMakesThisStrict() {
        ObjectNode answer = JSON.createObjectNode().put("valid", true).put("undocumented", 1);
        answer.putObject("reuse").put("bound", 1).put("prefilled", 1).put("kept", 1).put("changed", 0);
        ObjectNode schema = JSON.createObjectNode().put("$ref", "#/components/schemas/SubmissionVerdict");
        schema.set("components", closedComponents);
        assertThat(SCHEMAS.getSchema(schema).validate(answer)).isNotEmpty();
        answer.remove("undocumented");
        assertThat(SCHEMAS.getSchema(schema).validate(answer)).isEmpty();
        ObjectNode status = JSON.createObjectNode().put("$ref", "#/components/schemas/SourceStatus");
        status.set("components", closedComponents);
        assertThat(SCHEMAS.getSchema(status).validate(JSON.getNodeFactory().textNode("MAYBE"))).isNotEmpty();
    }
}
