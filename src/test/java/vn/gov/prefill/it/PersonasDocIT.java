package vn.gov.prefill.it;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.docs.DocSections;

/** The persona table of docs/personas.md is mocks/personas.json, rendered. */
class PersonasDocIT {

    @Test
    void thePersonasDocumentListsEveryPersonaOfTheMocks() throws Exception {
        StringBuilder table = new StringBuilder("| persona | personal number | enterprise code | name | situation |\n|---|---|---|---|---|\n");
        for (JsonNode p : new ObjectMapper().readTree(Path.of("mocks/personas.json").toFile())) {
            table.append("| `").append(p.get("id").asText()).append("` | ")
                    .append(p.hasNonNull("citizenId") ? p.get("citizenId").asText() : "")
                    .append(" | ").append(p.hasNonNull("enterpriseCode") ? p.get("enterpriseCode").asText() : "")
                    .append(" | ").append(p.get("fullName").asText())
                    .append(" | ").append(p.get("situation").asText().replace("|", "/")).append(" |\n");
        }
        DocSections.check("docs/personas.md", "personas", table.toString());
    }
}
