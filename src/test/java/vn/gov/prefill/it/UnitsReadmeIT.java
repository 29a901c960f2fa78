package vn.gov.prefill.it;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The README's table of old commune codes that the mapping to the units of 2025 does not know. */
class UnitsReadmeIT {

    @Test
    void theReadmeListsEveryUnmappedOldCommune() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode legacy = json.readTree(Path.of("schemas/codelists/communes-legacy.json").toFile()).get("codes");
        JsonNode mapping = json.readTree(Path.of("schemas/codelists/units-2025-communes.json").toFile()).get("codes");
        StringBuilder rows = new StringBuilder();
        int count = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) legacy::fields) {
            if (!mapping.has(e.getKey())) {
                rows.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asText()).append(" |\n");
                count++;
            }
        }
        ReadmeSections.check("units-unmapped", count + " of " + legacy.size() + " old commune codes have no commune of 2025 in the mapping"
                + " (an address in one of them comes with `UNIT_UNKNOWN`):\n\n| old code | old name |\n|---|---|\n" + rows);
    }
}
