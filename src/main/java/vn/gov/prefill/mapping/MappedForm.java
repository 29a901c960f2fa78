package vn.gov.prefill.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A form mapped from the records of a plan: {@code data}, the prefilled values at their place in the
 * form, and one outcome per bound field, keyed by JSON Pointer (with the values, for the token and the log).
 */
public record MappedForm(ObjectNode data, Map<String, FieldOutcome> fields) {

    /** The field outcomes as the answer shows them. */
    public Map<String, FieldOutcome> visibleFields() {
        Map<String, FieldOutcome> visible = new LinkedHashMap<>();
        fields.forEach((pointer, f) -> visible.put(pointer, f.visible()));
        return Collections.unmodifiableMap(visible);
    }

    /** How many fields carry a value. */
    public long released() {
        return fields.values().stream().filter(f -> f.status().released()).count();
    }
}
