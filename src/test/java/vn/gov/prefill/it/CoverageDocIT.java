package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.docs.DocSections;

/**
 * For each reference form and its "complete" persona, the share of bound fields prefilled, measured
 * over HTTP against the mocks: the coverage table of docs/forms-and-bindings.md; and each form's bound
 * fields, the list of docs/api.md.
 */
class CoverageDocIT extends GatewayTestSupport {

    record Case(String form, String persona, String body) { }

    static final List<Case> CASES = List.of(
            new Case("criminal-record-request", "hoa", null),
            new Case("birth-registration", "binh", null),
            new Case("child-health-insurance", "hoa", "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\"}}"),
            new Case("residence-change", "hoa", null),
            new Case("household-business-registration", "hoa", null),
            new Case("enterprise-change-notice", "binh", actingForEnterprise("0100233488")));

    /**
     * Leaf fields of the form a citizen could have to type: properties that are not objects; an array counts once. An
     * attachment slot is not one: it is filled by picking a document on file, outside the data.
     */
    static int leaves(JsonNode schema, JsonNode node) {
        if (node.has("x-attachment")) {
            return 0;
        }
        JsonNode at = node.has("$ref") ? schema.at(node.get("$ref").asText().substring(1)) : node;
        if (node.has("x-prefill") || !at.has("properties")) {
            return 1;
        }
        int n = 0;
        for (JsonNode child : at.get("properties")) {
            n += leaves(schema, child);
        }
        return n;
    }

    @Test
    void everyReferenceFormIsFullyPrefilledForItsCompletePersona() throws Exception {
        StringBuilder table = new StringBuilder("| form | persona | fields in the form | bound to a registry | prefilled | share of bound fields prefilled |\n"
                + "|---|---|---|---|---|---|\n");
        StringBuilder boundFields = new StringBuilder();
        List<String> shortfalls = new ArrayList<>();
        for (Case c : CASES) {
            Answer a = prefill(c.form(), token(c.persona()), c.body());
            assertThat(a.status()).as(c.form()).isEqualTo(200);
            JsonNode schema = call("GET", "/api/v1/forms/" + c.form(), null, null, null).body();
            // what the citizen declared once is not the state's record: counted apart (docs/declared-once.md)
            int bound = 0;
            List<String> pointers = new ArrayList<>();
            a.body().get("fields").fieldNames().forEachRemaining(p -> pointers.add("`" + p + "`"));
            boundFields.append("- `").append(c.form()).append("` (").append(pointers.size()).append("): ")
                    .append(String.join(", ", pointers)).append("\n");
            int prefilled = 0;
            for (var it = a.body().get("fields").fields(); it.hasNext(); ) {
                var f = it.next();
                String status = f.getValue().get("status").asText();
                if ("declared".equals(f.getValue().path("source").asText())) {
                    continue;
                }
                bound++;
                if (status.equals("PREFILLED") || status.equals("CONFLICT")) {
                    prefilled++;
                } else {
                    shortfalls.add(c.form() + " " + f.getKey() + " " + status);
                }
            }
            table.append("| `").append(c.form()).append("` | `").append(c.persona()).append("` | ")
                    .append(leaves(schema, schema)).append(" | ").append(bound).append(" | ").append(prefilled).append(" | ")
                    .append(Math.round(100.0 * prefilled / bound)).append(" % |\n");
        }
        DocSections.check("docs/forms-and-bindings.md", "coverage", table.toString());
        DocSections.check("docs/api.md", "bound-fields", boundFields.toString());
        assertThat(shortfalls).as("bound fields a complete persona leaves unfilled").isEmpty();
    }
}
