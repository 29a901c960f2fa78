package vn.gov.prefill.binding;

import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

/** A pure function from a registry's value to the form's canonical value; null means "no value". */
@FunctionalInterface
public interface Transform {
    JsonNode apply(JsonNode value);

    /** Like {@link #apply(JsonNode)}, telling {@code flags} what the value alone cannot say (a data-quality flag). */
    default JsonNode apply(JsonNode value, Consumer<String> flags) {
        return apply(value);
    }
}
