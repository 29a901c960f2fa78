package vn.gov.prefill.binding;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Follows a JSON Pointer into the data a JSON Schema describes: through {@code properties},
 * {@code items} (any array index), local {@code $ref}s and {@code allOf}/{@code anyOf}/{@code oneOf}.
 */
public final class SchemaPaths {

    private SchemaPaths() { }

    /** The sub-schema that describes the value at {@code pointer}, or null if the schema has no such place. */
    public static JsonNode at(JsonNode root, JsonNode schema, String pointer) {
        if (pointer.isEmpty()) {
            return deref(root, schema);
        }
        if (!pointer.startsWith("/")) {
            return null;
        }
        JsonNode at = deref(root, schema);
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            at = step(root, at, token, 0);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    private static JsonNode step(JsonNode root, JsonNode schema, String token, int depth) {
        if (schema == null || depth > 16) {
            return null;
        }
        JsonNode property = schema.path("properties").get(token);
        if (property != null) {
            return deref(root, property);
        }
        if (token.matches("\\d+|-") && schema.has("items")) {
            return deref(root, schema.get("items"));
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            for (JsonNode branch : schema.path(combinator)) {
                JsonNode found = step(root, deref(root, branch), token, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static JsonNode deref(JsonNode root, JsonNode schema) {
        JsonNode at = schema;
        for (int i = 0; i < 16 && at != null && at.has("$ref"); i++) {
            String ref = at.get("$ref").asText();
            at = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            if (at != null && at.isMissingNode()) {
                at = null;
            }
        }
        return at;
    }
}
