package vn.gov.prefill.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.gov.prefill.binding.UnitsOf2025;

class ApiSchemasTest {

    @Test
    void theDocumentedFlagsAreEveryFlagTheMapperAndTheUnitsConversionSet() throws Exception {
        List<String> produced = new ArrayList<>();
        for (Class<?> setter : List.of(UnitsOf2025.class, Class.forName("vn.gov.prefill.mapping.DataQuality"))) {
            for (Field f : setter.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && Modifier.isFinal(f.getModifiers())) {
                    f.setAccessible(true);
                    String value = (String) f.get(null);
                    if (value.matches("(ID|UNIT|CONVERTED)_[A-Z0-9_]+")) {
                        produced.add(value);
                    }
                }
            }
        }
        // and those a source gives all its values (x-source flags)
        for (java.nio.file.Path file : java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("schemas/sources"), "*.schema.json")) {
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile()).at("/x-source/flags").forEach(f -> produced.add(f.asText()));
        }
        assertThat(produced).contains("UNIT_PROVINCE_MISMATCH", "ID_SEX_MISMATCH", "SELF_DECLARED");
        assertThat(ApiSchemas.FLAGS).containsExactlyInAnyOrderElementsOf(produced);
    }
}
