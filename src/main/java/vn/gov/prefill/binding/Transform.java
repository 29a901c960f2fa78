package vn.gov.prefill.binding;

import com.fasterxml.jackson.databind.JsonNode;

/** A pure function from a registry's value to the form's canonical value; null means "no value". */
@FunctionalInterface
public interface Transform {
    JsonNode apply(JsonNode value);
}
