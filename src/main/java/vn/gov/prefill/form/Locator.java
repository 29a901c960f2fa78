package vn.gov.prefill.form;

import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a value is in a record: a JSON Pointer, or, when {@code select} is set, the first element of
 * the array at {@code path} whose properties equal {@code where}, and then {@code select} inside it.
 */
public record Locator(String path, Map<String, String> where, String select, JsonPointer pathPointer, JsonPointer selectPointer) {

    /** The pointers compiled once, when the form is read, not at every record. */
    public Locator(String path, Map<String, String> where, String select) {
        this(path, where, select, JsonPointer.compile(path), select == null ? null : JsonPointer.compile(select));
    }

    public static Locator at(String path) {
        return new Locator(path, Map.of(), null);
    }

    /** The value in {@code record}, or null when there is none. */
    public JsonNode find(JsonNode record) {
        JsonNode at = record.at(pathPointer);
        if (select != null) {
            JsonNode match = null;
            for (JsonNode element : at) {
                if (where.entrySet().stream().allMatch(w -> w.getValue().equals(element.path(w.getKey()).asText(null)))) {
                    match = element;
                    break;
                }
            }
            at = match == null ? null : match.at(selectPointer);
        }
        return at == null || at.isMissingNode() || at.isNull() ? null : at;
    }

    @Override
    public String toString() {
        return select == null ? path : path + where + select;
    }
}
